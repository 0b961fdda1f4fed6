import Dispatch
import Foundation

/// How many threads the build's parallel stages use: one per core this process may run on.
package enum ParallelWork {
    package static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed on `workers` threads (each takes every
    /// `workers`-th element). The result does not depend on scheduling.
    package func parallelMap<T: Sendable>(workers: Int = ParallelWork.workers, _ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1, workers > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only its own slots, so the writes never overlap.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < count {
                    slots[index] = transform(self[index])
                    index += workers
                }
            }
        }
        return results.map { $0! }
    }
}

extension Array where Element: Sendable {
    /// `body` on every element, on `workers` threads (each takes every `workers`-th element), in
    /// no defined order across threads.
    package func parallelForEach(workers: Int = ParallelWork.workers, _ body: @Sendable (Element) -> Void) {
        guard count > 1, workers > 1 else { return forEach(body) }
        DispatchQueue.concurrentPerform(iterations: Swift.min(workers, count)) { worker in
            var index = worker
            while index < count {
                body(self[index])
                index += workers
            }
        }
    }
}
