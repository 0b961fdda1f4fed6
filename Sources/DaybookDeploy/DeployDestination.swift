/// Where a site is deployed to: a directory or an S3-compatible bucket.
public protocol DeployDestination: Sendable, CustomStringConvertible {
    /// For messages: `/var/www/papers`, `s3://bucket/prefix/`.
    var description: String { get }

    /// What is there now, by relative path. `local` lets a destination skip work (a directory
    /// only hashes files whose size matches a local one).
    func inventory(local: [LocalFile]) async throws -> [String: RemoteEntry]

    /// Puts one file (read from `siteRoot`) in place atomically: readers see the old bytes or
    /// the new ones, never a part.
    func upload(_ file: LocalFile, from siteRoot: String, headers: ObjectHeaders) async throws -> String

    /// Removes files; each path is relative.
    func delete(_ paths: [String]) async throws

    /// Records what the destination now holds (called after the uploads, also after a failed
    /// run, with the files known to be in place), so the next run can trust it.
    func record(_ files: [String: RecordedFile]) async throws

    /// Requests sent so far (HTTP requests for S3, file operations for a directory).
    var requestCount: Int { get }

    /// Releases connections; call once when done.
    func close() async
}

/// One file at the destination.
public struct RemoteEntry: Sendable, Hashable {
    public var size: Int
    /// Hex MD5, or the S3 ETag without quotes.
    public var etag: String
    /// Headers it was stored with, when the destination has them and knows them.
    public var headers: HeaderState

    public init(size: Int, etag: String, headers: HeaderState) {
        self.size = size
        self.etag = etag
        self.headers = headers
    }
}

/// Whether the headers a remote file carries are known.
public enum HeaderState: Sendable, Hashable {
    /// The destination has no headers (a directory).
    case notApplicable
    /// Not recorded by an earlier deploy: upload again to be sure.
    case unknown
    case known(ObjectHeaders)
}

/// The HTTP headers an object is served with.
public struct ObjectHeaders: Sendable, Hashable, Codable {
    public var contentType: String
    public var cacheControl: String?

    public init(contentType: String, cacheControl: String?) {
        self.contentType = contentType
        self.cacheControl = cacheControl
    }
}

/// What a deploy recorded about a file it put in place.
public struct RecordedFile: Sendable, Hashable, Codable {
    public var etag: String
    public var headers: ObjectHeaders

    public init(etag: String, headers: ObjectHeaders) {
        self.etag = etag
        self.headers = headers
    }
}
