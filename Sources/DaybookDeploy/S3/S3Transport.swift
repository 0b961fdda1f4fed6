import AsyncHTTPClient
import Foundation

/// Sends one HTTP request. The S3 client signs and retries; a transport only moves bytes, so
/// tests can wrap the real one to inject failures.
public protocol S3Transport: Sendable {
    func send(_ request: S3HTTPRequest) async throws -> S3HTTPResponse
    /// Releases connections; call once when done.
    func shutdown() async
}

public struct S3HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
}

public struct S3HTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header with this name (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// The real transport, on async-http-client, with a timeout per request.
public final class AsyncHTTPTransport: S3Transport {
    private let client: HTTPClient
    private let timeout: Duration

    /// `connections` bounds the open connections per host (match the deploy's concurrency).
    public init(timeout: Duration = .seconds(60), connections: Int = 8) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, connections)
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .seconds(10)
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.timeout = timeout
    }

    public func send(_ request: S3HTTPRequest) async throws -> S3HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers {
            outgoing.headers.add(name: name, value: value)
        }
        if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
            outgoing.body = .bytes(request.body)
        }
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        let response = try await client.execute(outgoing, timeout: .nanoseconds(nanoseconds))
        let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
        return S3HTTPResponse(status: Int(response.status.code),
                              headers: response.headers.map { (name: $0.name, value: $0.value) },
                              body: Array(body.readableBytesView))
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    deinit {
        // A transport dropped without `shutdown()` (an error path) still releases its connections;
        // after `shutdown()` this only reports "already shut down", which is ignored.
        client.shutdown { _ in }
    }
}
