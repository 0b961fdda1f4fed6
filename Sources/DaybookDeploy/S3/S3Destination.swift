import DaybookSystem
import Foundation

/// Deploys to S3-compatible object storage: listing and manifest for the inventory, one PUT per
/// file (multipart for large ones), batched DeleteObjects.
public final class S3Destination: DeployDestination {
    public let client: S3Client
    public let multipartThreshold: Int
    public let partSize: Int
    private let loadedManifest = ManifestBox()

    public init(client: S3Client, multipartThreshold: Int = MultipartSettings.defaultThreshold,
                partSize: Int = MultipartSettings.defaultPartSize) {
        self.client = client
        self.multipartThreshold = multipartThreshold
        self.partSize = max(partSize, 1)
    }

    public var description: String { client.location.description }
    public var requestCount: Int { client.requestCount }
    private var prefix: String { client.location.prefix }
    private var manifestKey: String { prefix + ReservedNames.manifest }

    public func inventory(local: [LocalFile]) async throws -> [String: RemoteEntry] {
        async let listing = client.listObjects(prefix: prefix)
        async let manifestBytes = client.getObject(key: manifestKey)
        // Both requests run to their end before an error is reported: a failing listing does not
        // cancel the manifest's retries part-way, so a failed plan costs the same requests every time.
        var objects: [S3Client.ListedObject] = []
        var bytes: [UInt8]?
        var failure: (any Error)?
        do { objects = try await listing } catch { failure = error }
        do { bytes = try await manifestBytes } catch { failure = failure ?? error }
        if let failure { throw failure }
        var manifest = S3Manifest()
        if let bytes {
            do {
                manifest = try S3Manifest(json: bytes)
            } catch {
                // A damaged manifest only costs re-uploads: every header becomes unknown.
                manifest = S3Manifest()
            }
        }
        loadedManifest.set(manifest)
        var entries: [String: RemoteEntry] = [:]
        entries.reserveCapacity(objects.count)
        for object in objects where object.key != manifestKey {
            let path = String(object.key.dropFirst(prefix.count))
            var headers = HeaderState.unknown
            if let recorded = manifest.files[path], recorded.etag == object.etag {
                headers = .known(recorded.headers)
            }
            entries[path] = RemoteEntry(size: object.size, etag: object.etag, headers: headers)
        }
        return entries
    }

    public func upload(_ file: LocalFile, from siteRoot: String, headers: ObjectHeaders) async throws -> String {
        let path = siteRoot + "/" + file.path
        if file.size >= multipartThreshold {
            return try await client.putObjectInParts(key: prefix + file.path, path: path, partSize: partSize, headers: headers)
        }
        return try await client.putObject(key: prefix + file.path, body: try FileIO.contents(path), headers: headers)
    }

    public func delete(_ paths: [String]) async throws {
        try await client.deleteObjects(keys: paths.map { prefix + $0 })
    }

    public func record(_ files: [String: RecordedFile]) async throws {
        let manifest = S3Manifest(files: files)
        if loadedManifest.get() == manifest { return }
        try await client.putObject(key: manifestKey, body: try manifest.json(),
                                   headers: ObjectHeaders(contentType: "application/json", cacheControl: "no-store"))
        loadedManifest.set(manifest)
    }

    public func close() async {
        await client.transport.shutdown()
    }
}

/// The manifest read by the last inventory.
private final class ManifestBox: @unchecked Sendable {
    private let lock = NSLock()
    private var manifest: S3Manifest?

    func get() -> S3Manifest? { lock.withLock { manifest } }
    func set(_ value: S3Manifest) { lock.withLock { manifest = value } }
}
