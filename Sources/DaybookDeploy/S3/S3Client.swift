import Crypto
import DaybookContent
import DaybookHTTP
import Foundation

/// A small S3 client: the calls a deploy needs, signed with Signature V4, retried with backoff.
/// Errors are `DeployError`s naming the bucket, the operation and the server's error code, with
/// a hint; they never contain the secret key or a signature.
public final class S3Client: Sendable {
    public let location: S3Location
    let signer: SigV4Signer
    let transport: any HTTPTransport
    let retry: RetryPolicy
    private let counter = RequestCounter()

    public init(location: S3Location, credentials: AWSCredentials, transport: any HTTPTransport, retry: RetryPolicy = RetryPolicy()) {
        self.location = location
        signer = SigV4Signer(credentials: credentials, region: location.region, service: "s3")
        self.transport = transport
        self.retry = retry
    }

    /// HTTP requests sent so far, retries included.
    public var requestCount: Int { counter.value }

    /// Sends a signed request and returns a 2xx response; anything else throws.
    /// `key` is the full object key (prefix included), or nil for the bucket itself.
    @discardableResult
    public func send(_ method: String, key: String?, query: [(name: String, value: String)] = [],
                     headers: [(name: String, value: String)] = [], body: [UInt8] = [],
                     allowing allowedStatus: Set<Int> = []) async throws -> HTTPTransportResponse {
        let path = location.path(forKey: key)
        let queryString = SigV4Signer.canonicalQuery(query)
        let url = location.url(path: path, query: queryString)
        let payloadHash = SigV4Signer.payloadHash(body)
        let operation = "\(method) \(key.map { "'\($0)'" } ?? "bucket")"
        var attempt = 0
        while true {
            attempt += 1
            let request = SigV4Request(
                method: method, path: path, query: query,
                headers: headers + [(name: "host", value: location.hostHeader), (name: "x-amz-content-sha256", value: payloadHash)],
                payloadHash: payloadHash)
            let signed = signer.sign(request, amzDate: AMZDate.now())
            counter.increment()
            let response: HTTPTransportResponse
            do {
                response = try await transport.send(HTTPTransportRequest(method: method, url: url, headers: signed.headers, body: body))
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if attempt < retry.attempts {
                    try await Task.sleep(for: retry.delay(afterAttempt: attempt))
                    continue
                }
                throw DeployError("\(location): \(operation) failed after \(attempt) tries: \(Self.describe(error))")
            }
            if (200..<300).contains(response.status) || allowedStatus.contains(response.status) {
                return response
            }
            let code = S3XML.text("Code", in: String(decoding: response.body, as: UTF8.self)[...])
            if RetryPolicy.isRetryable(status: response.status, code: code), attempt < retry.attempts {
                try await Task.sleep(for: retry.delay(afterAttempt: attempt))
                continue
            }
            throw failure(response, code: code, operation: operation, attempts: attempt)
        }
    }

    private func failure(_ response: HTTPTransportResponse, code: String?, operation: String, attempts: Int) -> DeployError {
        let xml = String(decoding: response.body, as: UTF8.self)
        let serverMessage = S3XML.text("Message", in: xml[...])
        var message = "\(location): \(operation) failed: HTTP \(response.status)"
        if let code { message += " \(code)" }
        if let serverMessage, !serverMessage.isEmpty { message += ": \(serverMessage)" }
        if attempts > 1 { message += " (after \(attempts) tries)" }
        let credentials = signer.credentials.source
        switch code {
        case "SignatureDoesNotMatch":
            message += "\nThe secret access key does not match the access key id; check the credentials (from \(credentials))."
        case "InvalidAccessKeyId":
            message += "\nThe server does not know this access key id; check the credentials (from \(credentials)) and the endpoint."
        case "AccessDenied":
            message += "\nThe key (from \(credentials)) needs s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on bucket '\(location.bucket)'."
        case "NoSuchBucket":
            message += "\nBucket '\(location.bucket)' does not exist at \(location.endpoint); create it first."
        case "AuthorizationHeaderMalformed", "RequestTimeTooSkewed":
            message += "\nCheck the region ('\(location.region)') and the system clock."
        default:
            break
        }
        return DeployError(message)
    }

    /// A transport error's text without anything from the request (the request carries the signature).
    private static func describe(_ error: any Error) -> String {
        if let deploy = error as? DeployError { return deploy.message }
        return String(describing: error)
    }
}

/// `YYYYMMDDTHHMMSSZ` in UTC, without DateFormatter.
enum AMZDate {
    static func now() -> String {
        format(secondsSince1970: Int(Date().timeIntervalSince1970))
    }

    static func format(secondsSince1970 seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = Day(daysSinceEpoch: days)
        let (year, month, day) = (date.year, date.month, date.day)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)\(two(month))\(two(day))T\(two(secondOfDay / 3600))\(two(secondOfDay / 60 % 60))\(two(secondOfDay % 60))Z"
    }
}
