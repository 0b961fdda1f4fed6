import Dispatch
import Foundation
import Synchronization

/// A value computed on another thread while the caller does something else: started at once,
/// taken (once) with `take()`, which waits for it. Dropped untaken, the work still runs to its
/// end (it must not need anyone to wait for it).
///
/// Each work gets a thread of its own, not one of Dispatch's workers: on Linux, Dispatch adds a
/// worker only when it sees a core idle, so two works started while the caller was busy ran one
/// after the other (a profile of the daily build showed the build cache's three files decoded in
/// turn on one thread while the caller waited), and a `parallelMap` could find its workers taken.
package final class BackgroundWork<Value: Sendable>: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let result = Mutex<Value?>(nil)

    package init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The value, once the work has made it; this object keeps no reference to it. Call it once.
    package func take() -> Value {
        done.wait()
        return result.withLock { $0.take()! }
    }
}
