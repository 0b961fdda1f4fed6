import DaybookContent
import DaybookHTTP
import Foundation

/// GETs for `daybook fetch`: a User-Agent naming Daybook and the site's contact, retries with
/// backoff on connection errors, timeouts, 429 and 5xx (a `Retry-After` wins over the computed
/// wait), conditional requests from a `ConditionalCache`, and a `RequestPacer` per service.
/// Every failure is a `FetchError` naming the URL and the cause.
public final class FetchClient: Sendable {
    public let userAgent: String
    let transport: any HTTPTransport
    let retry: RetryPolicy
    let cache: ConditionalCache?
    let sleep: @Sendable (Duration) async throws -> Void
    private let requests = RequestCounter()
    private let notModified = RequestCounter()

    public init(transport: any HTTPTransport, userAgent: String, retry: RetryPolicy = RetryPolicy(),
                cache: ConditionalCache? = nil,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.transport = transport
        self.userAgent = userAgent
        self.retry = retry
        self.cache = cache
        self.sleep = sleep
    }

    /// `Daybook/0.4.0`, with the contact when there is one: `Daybook/0.4.0 (mailto:you@example.org)`,
    /// `Daybook/0.4.0 (+https://example.org/about)`.
    public static func userAgent(contact: String?) -> String {
        guard let contact = contact?.trimmingCharacters(in: .whitespaces), !contact.isEmpty else { return DaybookVersion.product }
        if contact.contains("://") || contact.hasPrefix("mailto:") {
            return "\(DaybookVersion.product) (\(contact.hasPrefix("mailto:") ? "" : "+")\(contact))"
        }
        return "\(DaybookVersion.product) (\(contact.contains("@") ? "mailto:" : "")\(contact))"
    }

    /// What one GET brought.
    public struct Fetched: Sendable {
        public var url: String
        public var body: [UInt8]
        /// True when the server said `304 Not Modified` and the body came from the cache.
        public var notModified: Bool
        /// What to store in the cache once the body has been imported (nil: nothing to store).
        public var cacheEntry: ConditionalCache.Entry?
    }

    /// Requests sent so far, retries included; and how many were answered `304 Not Modified`.
    public var requestCount: Int { requests.value }
    public var notModifiedCount: Int { notModified.value }

    /// GETs `url`, waiting for `pacer` before every try. A 2xx or a 304 answered from the cache
    /// succeeds; anything else, after the retries, throws.
    public func get(_ url: String, accept: String, pacer: RequestPacer? = nil) async throws -> Fetched {
        let cached = cache?.entry(for: url)
        var headers: [(name: String, value: String)] = [("User-Agent", userAgent), ("Accept", accept)]
        if let etag = cached?.etag { headers.append(("If-None-Match", etag)) }
        if let modified = cached?.lastModified { headers.append(("If-Modified-Since", modified)) }
        var attempt = 0
        while true {
            attempt += 1
            try await pacer?.waitTurn()
            requests.increment()
            let tries = attempt > 1 ? " (after \(attempt) tries)" : ""
            let response: HTTPTransportResponse
            do {
                response = try await transport.send(HTTPTransportRequest(method: "GET", url: url, headers: headers))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if attempt < retry.attempts {
                    try await sleep(retry.delay(afterAttempt: attempt))
                    continue
                }
                throw FetchError(url: url, cause: TransportFailure.describe(error) + tries)
            }
            switch response.status {
            case 200..<300:
                let entry = ConditionalCache.Entry(url: url, etag: response.header("ETag"),
                                                   lastModified: response.header("Last-Modified"), body: response.body)
                return Fetched(url: url, body: response.body, notModified: false, cacheEntry: cache == nil ? nil : entry)
            case 304 where cached != nil:
                notModified.increment()
                return Fetched(url: url, body: cached!.body, notModified: true, cacheEntry: nil)
            default:
                let status = "HTTP \(response.status)" + (Self.reasons[response.status].map { " \($0)" } ?? "")
                guard RetryPolicy.isRetryable(status: response.status), attempt < retry.attempts else {
                    throw FetchError(url: url, cause: status + tries)
                }
                var wait = retry.delay(afterAttempt: attempt)
                if let asked = RetryPolicy.retryAfter(response.header("Retry-After")) {
                    guard asked <= retry.maxRetryAfter else {
                        throw FetchError(url: url, cause: "\(status), and the server asks to wait \(asked.components.seconds) s before trying again\(tries)")
                    }
                    wait = asked
                }
                try await sleep(wait)
            }
        }
    }

    public func shutdown() async {
        await transport.shutdown()
    }

    static let reasons: [Int: String] = [
        301: "Moved Permanently", 302: "Found", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
        400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 410: "Gone",
        429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable",
        504: "Gateway Timeout",
    ]
}
