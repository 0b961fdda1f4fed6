import DaybookContent
@testable import DaybookFetch
import DaybookHTTP
import Foundation
import Testing

@Suite("FetchClient: retries, Retry-After, conditional requests, errors")
struct FetchClientTests {
    static let url = "http://127.0.0.1:1/api/daily_papers?date=2026-12-01"

    func client(_ transport: ScriptedTransport, sleeps: RecordedSleeps, attempts: Int = 4,
                cache: ConditionalCache? = nil) -> FetchClient {
        FetchClient(transport: transport, userAgent: "Daybook/test",
                    retry: RetryPolicy(attempts: attempts, baseDelay: .milliseconds(100), maxDelay: .seconds(1), maxRetryAfter: .seconds(30)),
                    cache: cache, sleep: sleeps.sleep)
    }

    @Test func a500ThenSuccessIsRetriedWithBackoff() async throws {
        let transport = ScriptedTransport([Self.url: [ScriptedTransport.status(500), ScriptedTransport.ok("[]")]])
        let sleeps = RecordedSleeps()
        let fetched = try await client(transport, sleeps: sleeps).get(Self.url, accept: "application/json")
        #expect(fetched.body == Array("[]".utf8))
        #expect(transport.urls.count == 2)
        #expect(sleeps.waits.count == 1)
        #expect(sleeps.waits[0] >= .milliseconds(50) && sleeps.waits[0] <= .milliseconds(150))
    }

    @Test func a429WaitsAsLongAsRetryAfterSays() async throws {
        let transport = ScriptedTransport([Self.url: [ScriptedTransport.status(429, headers: [("Retry-After", "7")]), ScriptedTransport.ok("[]")]])
        let sleeps = RecordedSleeps()
        _ = try await client(transport, sleeps: sleeps).get(Self.url, accept: "application/json")
        #expect(sleeps.waits == [.seconds(7)])
    }

    @Test func aRetryAfterBeyondTheLimitFailsAtOnceNamingTheWait() async {
        let transport = ScriptedTransport([Self.url: [ScriptedTransport.status(503, headers: [("Retry-After", "3600")])]])
        let sleeps = RecordedSleeps()
        await #expect(throws: FetchError(url: Self.url, cause:
            "HTTP 503 Service Unavailable, and the server asks to wait 3600 s before trying again")) {
            _ = try await client(transport, sleeps: sleeps).get(Self.url, accept: "application/json")
        }
        #expect(sleeps.waits.isEmpty)
    }

    @Test func persistentServerErrorsFailAfterEveryTry() async {
        let transport = ScriptedTransport([Self.url: [ScriptedTransport.status(502)]])
        await #expect(throws: FetchError(url: Self.url, cause: "HTTP 502 Bad Gateway (after 3 tries)")) {
            _ = try await client(transport, sleeps: RecordedSleeps(), attempts: 3).get(Self.url, accept: "application/json")
        }
        #expect(transport.urls.count == 3)
    }

    @Test func aClientErrorIsNotRetried() async {
        let transport = ScriptedTransport([Self.url: [ScriptedTransport.status(404)]])
        await #expect(throws: FetchError(url: Self.url, cause: "HTTP 404 Not Found")) {
            _ = try await client(transport, sleeps: RecordedSleeps()).get(Self.url, accept: "application/json")
        }
        #expect(transport.urls.count == 1)
    }

    @Test func transportErrorsAreRetriedThenNamed() async {
        struct Refused: Error, CustomStringConvertible { var description: String { "connect: Connection refused (errno: 111)" } }
        let transport = ScriptedTransport([Self.url: [.failure(Refused())]])
        await #expect(throws: FetchError(url: Self.url, cause: "connection refused (after 2 tries)")) {
            _ = try await client(transport, sleeps: RecordedSleeps(), attempts: 2).get(Self.url, accept: "application/json")
        }
    }

    @Test func sendsTheUserAgentAndAccept() async throws {
        let transport = ScriptedTransport([Self.url: [ScriptedTransport.ok("[]")]])
        _ = try await client(transport, sleeps: RecordedSleeps()).get(Self.url, accept: "application/json")
        let headers = transport.requests[0].headers
        #expect(headers.contains { $0.name == "User-Agent" && $0.value == "Daybook/test" })
        #expect(headers.contains { $0.name == "Accept" && $0.value == "application/json" })
        #expect(FetchClient.userAgent(contact: nil) == DaybookVersion.product)
        #expect(FetchClient.userAgent(contact: "me@example.org") == "\(DaybookVersion.product) (mailto:me@example.org)")
        #expect(FetchClient.userAgent(contact: "https://example.org/about") == "\(DaybookVersion.product) (+https://example.org/about)")
    }

    @Test func conditionalRequestsUseTheCacheOnlyAfterCommit() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-fetch-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = ConditionalCache(folder: folder)
        let transport = ScriptedTransport([Self.url: [
            ScriptedTransport.ok("[1]", headers: [("ETag", "\"v1\""), ("Last-Modified", "Tue, 01 Dec 2026 05:00:00 GMT")]),
            .response(HTTPTransportResponse(status: 304)),
        ]])
        let fetcher = client(transport, sleeps: RecordedSleeps(), cache: cache)
        let first = try await fetcher.get(Self.url, accept: "application/json")
        #expect(!first.notModified && first.cacheEntry?.etag == "\"v1\"")
        #expect(cache.entry(for: Self.url) == nil, "nothing is cached before the import commits it")
        try cache.commit([first.cacheEntry!])

        let second = try await fetcher.get(Self.url, accept: "application/json")
        #expect(second.notModified && second.body == Array("[1]".utf8) && second.cacheEntry == nil)
        let headers = transport.requests[1].headers
        #expect(headers.contains { $0.name == "If-None-Match" && $0.value == "\"v1\"" })
        #expect(headers.contains { $0.name == "If-Modified-Since" && $0.value == "Tue, 01 Dec 2026 05:00:00 GMT" })
        #expect(fetcher.requestCount == 2 && fetcher.notModifiedCount == 1)
    }

    @Test func a304WithoutACachedBodyIsAnError() async {
        let transport = ScriptedTransport([Self.url: [.response(HTTPTransportResponse(status: 304))]])
        await #expect(throws: FetchError(url: Self.url, cause: "HTTP 304 Not Modified")) {
            _ = try await client(transport, sleeps: RecordedSleeps()).get(Self.url, accept: "application/json")
        }
    }

    @Test func retryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_796_000_000)
        #expect(RetryPolicy.retryAfter("120") == .seconds(120))
        #expect(RetryPolicy.retryAfter(" 0 ") == .seconds(0))
        #expect(RetryPolicy.retryAfter(nil) == nil)
        #expect(RetryPolicy.retryAfter("soon") == nil)
        #expect(RetryPolicy.retryAfter("-5") == nil)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        #expect(RetryPolicy.retryAfter(formatter.string(from: now.addingTimeInterval(90)), now: now) == .seconds(90))
        #expect(RetryPolicy.retryAfter(formatter.string(from: now.addingTimeInterval(-90)), now: now) == .zero)
    }
}
