/// What a deploy will do: uploads in phase order, then deletions.
public struct DeployPlan: Sendable {
    public struct Upload: Sendable, Hashable {
        public enum Reason: String, Sendable, Hashable {
            case new, changed
            /// Same bytes, but the Content-Type or Cache-Control is different or unknown.
            case headers
        }

        public var file: LocalFile
        public var phase: DeployPhase
        public var reason: Reason
        public var headers: ObjectHeaders
    }

    /// Sorted by phase, then path.
    public var uploads: [Upload]
    /// Relative paths, sorted.
    public var deletes: [String]
    /// Files already in place with the right bytes and headers.
    public var unchanged: [LocalFile]
    /// The unchanged files as the destination holds them (their ETag there, and headers).
    public var inPlace: [String: RecordedFile]
    /// Time spent scanning the site and the destination.
    public var planningTime: Duration = .zero

    public var uploadBytes: Int { uploads.reduce(0) { $0 + $1.file.size } }
    public var isEmpty: Bool { uploads.isEmpty && deletes.isEmpty }

    /// Uploads of one phase.
    public func uploads(in phase: DeployPhase) -> [Upload] {
        uploads.filter { $0.phase == phase }
    }
}
