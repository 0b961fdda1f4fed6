import AsyncHTTPClient
import DaybookSystem
import Foundation

/// The real transport, on async-http-client: a connect timeout, a deadline for the response head,
/// an optional idle read timeout (the only thing that stops a body that stalls half-way:
/// async-http-client's deadline ends when the head arrives), no redirects followed, a cap on the
/// body's size.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let timeout: Duration
    private let maxBodyBytes: Int

    /// `connections` bounds the open connections per host (match the deploy's concurrency);
    /// `timeout` bounds the wait for the response head, `readTimeout` any silence while reading.
    public init(timeout: Duration = .seconds(60), connectTimeout: Duration = .seconds(10),
                readTimeout: Duration? = nil, connections: Int = 8, maxBodyBytes: Int = 64 * 1024 * 1024) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, connections)
        configuration.redirectConfiguration = .disallow
        configuration.timeout.connect = .nanoseconds(connectTimeout.nanoseconds)
        if let readTimeout { configuration.timeout.read = .nanoseconds(readTimeout.nanoseconds) }
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        self.timeout = timeout
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers {
            outgoing.headers.add(name: name, value: value)
        }
        if !request.body.isEmpty || request.method == "PUT" || request.method == "POST" {
            outgoing.body = .bytes(request.body)
        }
        let response = try await client.execute(outgoing, timeout: .nanoseconds(timeout.nanoseconds))
        let body = try await response.body.collect(upTo: maxBodyBytes)
        return HTTPTransportResponse(status: Int(response.status.code),
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
