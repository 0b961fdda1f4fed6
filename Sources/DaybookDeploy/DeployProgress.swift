import DaybookSystem

/// Where a running deploy is, reported after every finished upload and deletion batch.
public struct DeployProgress: Sendable, Hashable {
    public var phase: DeployPhase?
    public var uploadedFiles: Int
    public var totalUploads: Int
    public var uploadedBytes: Int
    public var totalBytes: Int
    public var deletedFiles: Int
    public var totalDeletes: Int

    /// `uploading pages: 120/300 files, 1.2 MB/3.4 MB`, or `deleting: 10/12 files`.
    public var line: String {
        if let phase {
            return "uploading \(phase): \(uploadedFiles)/\(totalUploads) files, "
                + "\(ByteCount.format(uploadedBytes))/\(ByteCount.format(totalBytes))"
        }
        return "deleting: \(deletedFiles)/\(totalDeletes) files"
    }
}

/// What a deploy did.
public struct DeploySummary: Sendable, Hashable, CustomStringConvertible {
    public var uploaded: Int
    public var deleted: Int
    public var unchanged: Int
    public var bytes: Int
    /// Planning and running.
    public var duration: Duration
    /// Requests to the destination since it was opened, planning included (HTTP requests for
    /// S3, files listed, written and deleted for a folder).
    public var requests: Int

    public var description: String {
        let seconds = duration.seconds
        let time = seconds < 10 ? String(Double(Int(seconds * 100)) / 100) : String(Int(seconds.rounded()))
        return "uploaded \(uploaded) \(uploaded == 1 ? "file" : "files") (\(ByteCount.format(bytes))), "
            + "deleted \(deleted), unchanged \(unchanged), in \(time) s, \(requests) requests"
    }
}

enum ByteCount {
    /// `512 B`, `1.5 KB`, `3.2 MB`, `1.1 GB` (powers of 1000).
    static func format(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        let units = ["KB", "MB", "GB", "TB"]
        var value = Double(bytes) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let rounded = (value * 10).rounded() / 10
        return "\(rounded) \(units[unit])"
    }
}
