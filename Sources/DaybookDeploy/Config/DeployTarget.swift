/// A named place to deploy to, from `daybook.yml`'s `deploy:` or the command line.
public struct DeployTarget: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A folder: a web server's root, a mounted share.
        case directory(path: String)
        case s3(S3Settings)
    }

    /// Where an S3 target is and which credentials it uses.
    public struct S3Settings: Sendable, Hashable {
        /// nil: AWS's endpoint for the region.
        public var endpoint: String?
        public var region: String
        public var bucket: String
        public var prefix: String
        public var pathStyle: Bool
        /// A profile of the shared credentials file; nil: the environment, then `AWS_PROFILE`.
        public var profile: String?

        public init(endpoint: String? = nil, region: String = "us-east-1", bucket: String, prefix: String = "",
                    pathStyle: Bool = false, profile: String? = nil) {
            self.endpoint = endpoint
            self.region = region
            self.bucket = bucket
            self.prefix = prefix
            self.pathStyle = pathStyle
            self.profile = profile
        }
    }

    public var name: String
    public var kind: Kind
    /// Settings from the target; nil keeps the default (or the command line's).
    public var maxDeletes: Int?
    public var concurrency: Int?
    public var cacheControl: CacheControlRules?

    public init(name: String, kind: Kind, maxDeletes: Int? = nil, concurrency: Int? = nil, cacheControl: CacheControlRules? = nil) {
        self.name = name
        self.kind = kind
        self.maxDeletes = maxDeletes
        self.concurrency = concurrency
        self.cacheControl = cacheControl
    }

    /// A target written on the command line: `s3://bucket/prefix` or a folder path
    /// (`./public`, `/var/www`, `~/www`; a bare name must be one of `daybook.yml`'s targets).
    public static func fromCommandLine(_ argument: String, region: String, endpoint: String?, pathStyle: Bool) throws(DeployError) -> DeployTarget {
        if argument.hasPrefix("s3://") {
            let rest = argument.dropFirst(5)
            let bucket = String(rest.prefix { $0 != "/" })
            guard !bucket.isEmpty else { throw DeployError("'\(argument)': no bucket; write s3://BUCKET/PREFIX") }
            let prefix = String(rest.dropFirst(bucket.count))
            return DeployTarget(name: argument, kind: .s3(S3Settings(endpoint: endpoint, region: region, bucket: bucket,
                                                                     prefix: prefix, pathStyle: pathStyle)))
        }
        if argument.contains("://") {
            throw DeployError("'\(argument)': unsupported target; use s3://BUCKET/PREFIX or a folder path")
        }
        guard argument.contains("/") || argument.hasPrefix(".") || argument.hasPrefix("~") else {
            throw DeployError("no deploy target named '\(argument)'; for a folder write ./\(argument), for S3 s3://BUCKET/PREFIX")
        }
        return DeployTarget(name: argument, kind: .directory(path: argument))
    }
}
