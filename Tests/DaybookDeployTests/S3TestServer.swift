@testable import DaybookDeploy
import DaybookHTTP
import Foundation
import Testing

/// The S3-compatible server the tests run against: started by `scripts/with-moto.sh`, which
/// exports its address and an access key. Without it these tests fail, saying so, unless
/// `DAYBOOK_SKIP_S3_TESTS=1` is set.
enum S3TestServer {
    static let environment = ProcessInfo.processInfo.environment
    static var isSkipped: Bool { environment["DAYBOOK_SKIP_S3_TESTS"] == "1" }

    struct Config {
        var endpoint: String
        var region: String
        var credentials: AWSCredentials
    }

    static func config() throws -> Config {
        guard let endpoint = environment["DAYBOOK_TEST_S3_ENDPOINT"], let id = environment["DAYBOOK_TEST_S3_ACCESS_KEY_ID"],
              let secret = environment["DAYBOOK_TEST_S3_SECRET_ACCESS_KEY"] else {
            throw DeployError("""
                The S3 tests need an S3-compatible server: run them under scripts/with-moto.sh \
                (scripts/with-moto.sh swift test), which sets DAYBOOK_TEST_S3_ENDPOINT, DAYBOOK_TEST_S3_ACCESS_KEY_ID \
                and DAYBOOK_TEST_S3_SECRET_ACCESS_KEY. Set DAYBOOK_SKIP_S3_TESTS=1 to skip them.
                """)
        }
        return Config(endpoint: endpoint, region: environment["DAYBOOK_TEST_S3_REGION"] ?? "us-east-1",
                      credentials: AWSCredentials(accessKeyID: id, secretAccessKey: secret, source: "the test server's key"))
    }
}

/// A transport that fails object PUTs from the `limit`-th on, or answers the first requests
/// with a canned error; everything else goes to the real server.
struct InjectingTransport: HTTPTransport {
    let base: any HTTPTransport
    var failingPuts: CallCounter?
    var cannedFailures: CallCounter?
    var canned = HTTPTransportResponse(status: 503, body: Array("<Error><Code>SlowDown</Code><Message>Reduce your request rate.</Message></Error>".utf8))

    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        if let cannedFailures, !cannedFailures.count(request.method) { return canned }
        if let failingPuts, request.method == "PUT", !request.url.contains(".daybook-manifest.json"),
           failingPuts.count(request.url) {
            throw InjectedFailure()
        }
        return try await base.send(request)
    }

    func shutdown() async {
        await base.shutdown()
    }
}

/// One bucket of the test server, made for one test and deleted after it.
struct S3Bed: DeployBed {
    let config: S3TestServer.Config
    let location: S3Location
    var multipartThreshold = MultipartSettings.defaultThreshold
    var partSize = MultipartSettings.defaultPartSize

    var target: String { location.description }

    static func with(prefix: String = "site/", _ body: (S3Bed) async throws -> Void) async throws {
        let config = try S3TestServer.config()
        let bucket = "daybook-test-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let bed = S3Bed(config: config, location: try S3Location(endpoint: config.endpoint, region: config.region,
                                                                  bucket: bucket, prefix: prefix, pathStyle: true))
        let admin = bed.client()
        try await admin.createBucket()
        do {
            try await body(bed)
        } catch {
            try? await admin.deleteBucket()
            await admin.transport.shutdown()
            throw error
        }
        try await admin.deleteBucket()
        await admin.transport.shutdown()
    }

    func client(transport: (any HTTPTransport)? = nil, credentials: AWSCredentials? = nil, retry: RetryPolicy = RetryPolicy(attempts: 2, baseDelay: .milliseconds(5))) -> S3Client {
        S3Client(location: location, credentials: credentials ?? config.credentials, transport: transport ?? AsyncHTTPTransport(), retry: retry)
    }

    func destination(failures: CallCounter?) async throws -> any DeployDestination {
        destination(transport: InjectingTransport(base: AsyncHTTPTransport(), failingPuts: failures))
    }

    func destination(transport: any HTTPTransport, credentials: AWSCredentials? = nil,
                     retry: RetryPolicy = RetryPolicy(attempts: 2, baseDelay: .milliseconds(5))) -> S3Destination {
        S3Destination(client: client(transport: transport, credentials: credentials, retry: retry),
                      multipartThreshold: multipartThreshold, partSize: partSize)
    }

    func remoteContents() async throws -> [String: [UInt8]] {
        let client = client()
        do {
            var out: [String: [UInt8]] = [:]
            for object in try await client.listObjects(prefix: location.prefix) {
                let path = String(object.key.dropFirst(location.prefix.count))
                if path == ".daybook-manifest.json" { continue }
                out[path] = try await client.getObject(key: object.key)
            }
            await client.transport.shutdown()
            return out
        } catch {
            await client.transport.shutdown()
            throw error
        }
    }

    /// The stored object's headers.
    func head(_ path: String) async throws -> [String: String]? {
        let client = client()
        let headers = try await client.headObject(key: location.prefix + path)
        await client.transport.shutdown()
        return headers
    }
}
