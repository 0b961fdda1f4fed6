import Foundation

/// How often and how patiently a failed request is tried again: on connection errors,
/// timeouts, 5xx answers and throttling (429), with exponential backoff and jitter; a server's
/// `Retry-After` wins over the computed wait (up to `maxRetryAfter`).
public struct RetryPolicy: Sendable, Hashable {
    /// Tries in all, the first included.
    public var attempts: Int
    public var baseDelay: Duration
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more fails the request instead.
    public var maxRetryAfter: Duration

    public init(attempts: Int = 5, baseDelay: Duration = .milliseconds(200), maxDelay: Duration = .seconds(10),
                maxRetryAfter: Duration = .seconds(120)) {
        self.attempts = max(1, attempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
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

    /// Statuses worth another try whatever the service: throttling and server errors.
    public static func isRetryable(status: Int) -> Bool {
        status == 429 || status == 500 || status == 502 || status == 503 || status == 504
    }

    /// A `Retry-After` value as a wait: delay-seconds (`120`) or an HTTP date, measured from `now`.
    /// Nil when absent or unreadable; a date in the past is no wait.
    public static func retryAfter(_ value: String?, now: Date = Date()) -> Duration? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Int(text) { return seconds >= 0 ? .seconds(seconds) : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return .milliseconds(max(0, Int(date.timeIntervalSince(now) * 1000)))
    }
}
