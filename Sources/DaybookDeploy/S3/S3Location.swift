import DaybookSystem
import Foundation

/// Where an S3 deploy goes: endpoint, region, bucket, key prefix, addressing style.
public struct S3Location: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    /// Host name or IP, without the port.
    public var host: String
    /// nil for the scheme's default port.
    public var port: Int?
    public var region: String
    public var bucket: String
    /// Empty, or ends with `/`: `papers/`.
    public var prefix: String
    /// `host/bucket/key` instead of `bucket.host/key` (MinIO, most local servers).
    public var pathStyle: Bool

    /// `endpoint` like `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`; nil means
    /// AWS's endpoint for `region`. Path-style is forced for IP addresses and `localhost`.
    public init(endpoint: String?, region: String, bucket: String, prefix: String = "", pathStyle: Bool = false) throws(DeployError) {
        let endpoint = endpoint ?? "https://s3.\(region).amazonaws.com"
        guard let components = URLComponents(string: endpoint), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw DeployError("endpoint '\(endpoint)' is not an http:// or https:// URL")
        }
        guard Self.isValidBucketName(bucket) else {
            throw DeployError("bucket '\(bucket)' is not a valid bucket name (3–63 characters: a–z, 0–9, '.', '-')")
        }
        self.scheme = scheme
        self.host = host
        self.port = components.port
        self.region = region
        self.bucket = bucket
        self.prefix = Self.normalizedPrefix(prefix)
        let isLocal = host == "localhost" || host.allSatisfy { $0.isNumber || $0 == "." } || host.contains(":")
        self.pathStyle = pathStyle || isLocal || bucket.contains(".")
    }

    /// `s3://bucket/prefix/`.
    public var description: String { "s3://\(bucket)/\(prefix)" }

    /// `http://127.0.0.1:9000`, `https://s3.eu-west-1.amazonaws.com`.
    public var endpoint: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return "\(scheme)://\(name)" + (port.map { ":\($0)" } ?? "")
    }

    /// The Host header: `bucket.host[:port]` or `host[:port]`.
    var hostHeader: String {
        let name = pathStyle ? host : "\(bucket).\(host)"
        let bracketed = name.contains(":") ? "[\(name)]" : name
        return port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    /// The URI-encoded path of an object (`key` includes the prefix), or of the bucket for nil.
    func path(forKey key: String?) -> String {
        let keyPath = key.map { "/" + URIEncoding.encodePath($0) } ?? "/"
        return pathStyle ? "/\(bucket)" + (key == nil ? "" : keyPath) : keyPath
    }

    func url(path: String, query: String) -> String {
        "\(scheme)://\(hostHeader)\(path)" + (query.isEmpty ? "" : "?" + query)
    }

    static func normalizedPrefix(_ prefix: String) -> String {
        let trimmed = prefix.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "" : trimmed + "/"
    }

    static func isValidBucketName(_ name: String) -> Bool {
        (3...63).contains(name.count)
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D }
            && name.first != "-" && name.first != "." && name.last != "-" && name.last != "."
    }
}
