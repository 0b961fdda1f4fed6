/// How often and how patiently a failed request is tried again: on connection errors,
/// timeouts, 5xx answers and throttling (429, `SlowDown`), with exponential backoff and jitter.
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included.
    public var attempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration

    public init(attempts: Int = 5, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10)) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// No retries.
    public static let none = RetryPolicy(attempts: 1)

    /// The wait before try number `attempt + 1` (`attempt` counts from 1): `base · 2^(attempt-1)`,
    /// capped, with ±50 % jitter.
    public func delay(afterAttempt attempt: Int) -> Duration {
        let exponential = baseDelay * (1 << min(attempt - 1, 20))
        let capped = min(exponential, maxDelay)
        return capped * Double.random(in: 0.5...1.5)
    }

    static func isRetryable(status: Int, code: String?) -> Bool {
        switch status {
        case 500, 502, 503, 504, 429: true
        case 400: code == "RequestTimeout"
        default: code == "SlowDown" || code == "Throttling" || code == "InternalError"
        }
    }
}
