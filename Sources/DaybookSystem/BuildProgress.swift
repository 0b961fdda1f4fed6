import Synchronization

/// How far a build is: the stage it is in and, for stages that count, how many items of how
/// many are done. The builder updates it from any thread; a display (the CLI's progress line)
/// reads `snapshot` whenever it likes. Updating costs one atomic add per item.
public final class BuildProgress: Sendable {
    /// What a display shows.
    public struct Snapshot: Sendable, Equatable {
        public var stage: String
        public var done: Int
        /// 0 when the stage does not count items.
        public var total: Int
        /// When the stage began.
        public var started: ContinuousClock.Instant
    }

    private let state = Mutex(Snapshot(stage: "", done: 0, total: 0, started: .now))
    private let done = Atomic<Int>(0)

    public init() {}

    /// Enters a stage of `total` items (0: not counted).
    package func begin(_ stage: String, total: Int = 0) {
        done.store(0, ordering: .relaxed)
        state.withLock { $0 = Snapshot(stage: stage, done: 0, total: total, started: .now) }
    }

    /// One more item of the current stage is done.
    package func advance() {
        done.add(1, ordering: .relaxed)
    }

    public var snapshot: Snapshot {
        var snapshot = state.withLock { $0 }
        snapshot.done = min(done.load(ordering: .relaxed), snapshot.total)
        return snapshot
    }
}
