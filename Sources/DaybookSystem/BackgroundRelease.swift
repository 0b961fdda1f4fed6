import Dispatch

/// Frees values on another thread: a build's large structures (hundreds of thousands of papers,
/// paths and strings) then cost the thread that is finishing the build nothing to take apart.
package enum BackgroundRelease {
    /// Drops `value` on another thread. Pass it with `consume`, so that the caller holds no other
    /// reference and the last one goes with the work. With `givingPagesBack`, the heap's free pages
    /// then go back to the system (`Heap.releaseFreePages`), so that what the caller allocates next
    /// does not come on top of them.
    package static func free<Value: Sendable>(_ value: consuming Value, givingPagesBack: Bool = false) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async {
            box.value = nil
            if givingPagesBack { Heap.releaseFreePages() }
        }
    }

    /// Owns the value until the other thread drops it (only that thread touches it after `free`).
    private final class Box<Value>: @unchecked Sendable {
        var value: Value?

        init(_ value: consuming Value) {
            self.value = consume value
        }
    }
}
