/// How a deploy behaves, whatever the destination.
public struct DeployOptions: Sendable, Hashable {
    /// Refuse a deploy that would delete more files than this, unless `force` is set.
    public var maxDeletes: Int
    public var force: Bool
    /// Uploads in flight at once.
    public var concurrency: Int
    public var cacheControl: CacheControlRules
    public var multipartThreshold: Int
    public var partSize: Int

    public init(maxDeletes: Int = 256, force: Bool = false, concurrency: Int = 8, cacheControl: CacheControlRules = .defaults,
                multipartThreshold: Int = MultipartSettings.defaultThreshold, partSize: Int = MultipartSettings.defaultPartSize) {
        self.maxDeletes = maxDeletes
        self.force = force
        self.concurrency = max(1, concurrency)
        self.cacheControl = cacheControl
        self.multipartThreshold = multipartThreshold
        self.partSize = partSize
    }
}
