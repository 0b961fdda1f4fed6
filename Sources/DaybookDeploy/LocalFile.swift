/// One file of the built site, identified by content.
public struct LocalFile: Sendable, Hashable {
    /// Relative to the site folder, `/`-separated: `papers/2405.01234/index.html`.
    public var path: String
    public var size: Int
    /// Hex MD5 of the bytes: an S3 ETag for a single-part upload.
    public var md5: String
    /// The ETag S3 gives the file when it is uploaded in parts (`hex-md5-of-part-md5s-N`);
    /// nil for files sent in one request.
    public var multipartETag: String?

    public init(path: String, size: Int, md5: String, multipartETag: String? = nil) {
        self.path = path
        self.size = size
        self.md5 = md5
        self.multipartETag = multipartETag
    }

    /// Whether a remote object with `etag` holds these bytes, whichever way it was uploaded.
    public func matches(etag: String) -> Bool {
        etag == md5 || etag == multipartETag
    }
}

/// Names daybook keeps for itself in a target; the site may not use them.
enum ReservedNames {
    /// The S3 target's manifest object, under the prefix.
    static let manifest = ".daybook-manifest.json"
    /// Prefix of the directory target's temporary files, renamed into place when complete.
    static let temporaryPrefix = ".daybook-tmp-"

    static func isReserved(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        return path == manifest || name.hasPrefix(temporaryPrefix)
    }
}
