import DaybookSystem

/// Compares the local site with what the destination holds, by content hash.
public struct DeployPlanner: Sendable {
    public var cacheControl: CacheControlRules

    public init(cacheControl: CacheControlRules = .defaults) {
        self.cacheControl = cacheControl
    }

    public func headers(forPath path: String) -> ObjectHeaders {
        ObjectHeaders(contentType: MediaType.of(path), cacheControl: cacheControl.cacheControl(forPath: path))
    }

    public func plan(local: [LocalFile], remote: [String: RemoteEntry]) -> DeployPlan {
        var uploads: [DeployPlan.Upload] = []
        var unchanged: [LocalFile] = []
        var inPlace: [String: RecordedFile] = [:]
        inPlace.reserveCapacity(local.count)
        var localPaths = Set<String>()
        localPaths.reserveCapacity(local.count)
        for file in local {
            localPaths.insert(file.path)
            let headers = headers(forPath: file.path)
            let reason: DeployPlan.Upload.Reason?
            let entry = remote[file.path]
            if let entry {
                if entry.size != file.size || !file.matches(etag: entry.etag) {
                    reason = .changed
                } else {
                    switch entry.headers {
                    case .notApplicable: reason = nil
                    case .unknown: reason = .headers
                    case .known(let recorded): reason = recorded == headers ? nil : .headers
                    }
                }
            } else {
                reason = .new
            }
            if let reason {
                uploads.append(.init(file: file, phase: DeployPhase.phase(forPath: file.path), reason: reason, headers: headers))
            } else {
                unchanged.append(file)
                inPlace[file.path] = RecordedFile(etag: entry?.etag ?? file.md5, headers: headers)
            }
        }
        uploads.sort { ($0.phase, $0.file.path) < ($1.phase, $1.file.path) }
        let deletes = remote.keys.filter { !localPaths.contains($0) }.sorted()
        return DeployPlan(uploads: uploads, deletes: deletes, unchanged: unchanged, inPlace: inPlace)
    }
}
