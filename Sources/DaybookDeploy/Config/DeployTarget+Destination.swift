import DaybookHTTP
import Foundation

extension DeployTarget {
    /// The options for this target: a value given on the command line wins over the target's
    /// setting, which wins over the default.
    public func options(maxDeletes: Int? = nil, concurrency: Int? = nil, force: Bool = false) -> DeployOptions {
        var options = DeployOptions(force: force)
        if let value = maxDeletes ?? self.maxDeletes { options.maxDeletes = value }
        if let value = concurrency ?? self.concurrency { options.concurrency = max(1, value) }
        if let cacheControl { options.cacheControl = cacheControl }
        return options
    }

    /// Opens the destination. S3 credentials are loaded here (never printed); `transport`
    /// defaults to async-http-client with one connection per concurrent upload.
    public func destination(options: DeployOptions, credentials: AWSCredentialsLoader = AWSCredentialsLoader(),
                            transport: (any HTTPTransport)? = nil, retry: RetryPolicy = RetryPolicy()) throws -> any DeployDestination {
        switch kind {
        case .directory(let path):
            return DirectoryDestination(root: (path as NSString).expandingTildeInPath)
        case .s3(let settings):
            let location = try S3Location(endpoint: settings.endpoint, region: settings.region, bucket: settings.bucket,
                                          prefix: settings.prefix, pathStyle: settings.pathStyle)
            let key = try credentials.load(profile: settings.profile)
            let client = S3Client(location: location, credentials: key,
                                  transport: transport ?? AsyncHTTPTransport(connections: options.concurrency), retry: retry)
            return S3Destination(client: client, multipartThreshold: options.multipartThreshold, partSize: options.partSize)
        }
    }
}
