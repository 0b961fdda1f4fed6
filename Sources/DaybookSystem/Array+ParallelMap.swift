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
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each worker initializes only its own slots, so the writes never overlap; every slot
            // is initialized when `concurrentPerform` returns.
            nonisolated(unsafe) let slots = buffer.baseAddress!
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var index = worker
                while index < count {
                    (slots + index).initialize(to: transform(self[index]))
                    index += workers
                }
            }
            initialized = count
        }
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
