import Synchronization

/// A value made the first time it is asked for, by the thread that asks first (others asking
/// meanwhile wait for it), then kept: for what a build needs only later and should not wait for
/// before then, such as the last build's manifest, decoding on another core.
package final class Deferred<Value: Sendable>: Sendable {
    private struct State: Sendable {
        var make: (@Sendable () -> Value)?
        var value: Value?
    }

    private let state: Mutex<State>

    package init(_ make: @escaping @Sendable () -> Value) {
        state = Mutex(State(make: make, value: nil))
    }

    package var value: Value {
        state.withLock { state in
            if let make = state.make {
                state.value = make()
                state.make = nil
            }
            return state.value!
        }
    }
}
