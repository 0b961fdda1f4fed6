import Dispatch
import Synchronization

/// A value computed on another thread while the caller does something else: started at once,
/// taken (once) with `take()`, which waits for it. Dropped untaken, the work still runs to its
/// end (it must not need anyone to wait for it).
package final class BackgroundWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The value, once the work has made it; this object keeps no reference to it. Call it once.
    package func take() -> Value {
        done.wait()
        return result.withLock { $0.take()! }
    }
}
