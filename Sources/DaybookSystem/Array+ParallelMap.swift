import Dispatch
import Foundation
import Synchronization

/// How many threads the build's parallel stages use: one per core this process may run on.
package enum ParallelWork {
    package static let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
}

extension Array where Element: Sendable {
    /// `transform` of every element, in order, computed on `workers` threads (each takes every
    /// `workers`-th element). The result does not depend on scheduling.
    package func parallelMap<T: Sendable>(workers: Int = ParallelWork.workers, _ transform: @Sendable (Element) -> T) -> [T] {
        let results = Mutex<[(Int, T)]>([])
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var local: [(Int, T)] = []
            var index = worker
            while index < count {
                local.append((index, transform(self[index])))
                index += workers
            }
            results.withLock { $0 += local }
        }
        return results.withLock { all in all.sorted { $0.0 < $1.0 }.map(\.1) }
    }
}
