/// Spaces requests to one service: each starts at least `interval` after the previous one started
/// (arXiv asks for one request every 3 seconds). The sleep is injected so tests run fast.
public actor RequestPacer {
    public let interval: Duration
    private let sleep: @Sendable (Duration) async throws -> Void
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant?

    public init(interval: Duration, sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.interval = interval
        self.sleep = sleep
    }

    /// Waits until the next request may start, and counts it as started.
    public func waitTurn() async throws {
        if let last {
            let wait = interval - (clock.now - last)
            if wait > .zero { try await sleep(wait) }
        }
        last = clock.now
    }
}
