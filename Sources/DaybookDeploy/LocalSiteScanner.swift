import Crypto
import DaybookSystem

/// Lists a built site folder and hashes every file, in parallel.
public struct LocalSiteScanner: Sendable {
    /// Files of at least this size are uploaded in parts (and get a multipart ETag).
    public var multipartThreshold: Int
    public var partSize: Int

    public init(multipartThreshold: Int = MultipartSettings.defaultThreshold, partSize: Int = MultipartSettings.defaultPartSize) {
        self.multipartThreshold = multipartThreshold
        self.partSize = partSize
    }

    /// Every regular file under `root` (links to files followed), sorted by path.
    public func scan(root: String) async throws -> [LocalFile] {
        guard FileIO.isDirectory(root) else {
            throw DeployError("\(root): no such folder; build the site first (daybook build)")
        }
        var paths: [String] = []
        try FileIO.walk(root, followingLinks: false) { path, entry in
            if entry.kind == .directory && !entry.isLink { return }
            if case let .broken(code) = entry.kind, !entry.isLink {
                throw DeployError("\(root)/\(path): cannot read the folder: \(FileIO.reason(code))")
            }
            if ReservedNames.isReserved(path) {
                throw DeployError("\(root)/\(path): this name is reserved for daybook deploy's own files")
            }
            if entry.isLink {
                switch entry.kind {
                case .broken: throw DeployError("\(root)/\(path): broken symbolic link")
                case .directory: throw DeployError("\(root)/\(path): symbolic link to a folder; deploy follows links to files only")
                case .file, .other: break
                }
            } else if entry.kind != .file {
                throw DeployError("\(root)/\(path): not a regular file")
            }
            paths.append(path)
        }
        paths.sort()
        return try await hash(paths, root: root)
    }

    func hash(_ paths: [String], root: String) async throws -> [LocalFile] {
        let workers = min(ParallelWork.workers, 8)
        let chunk = max(64, (paths.count + workers - 1) / workers)
        let settings = self
        return try await withThrowingTaskGroup(of: (Int, [LocalFile]).self) { group in
            for (index, start) in stride(from: 0, to: paths.count, by: chunk).enumerated() {
                let slice = Array(paths[start..<min(start + chunk, paths.count)])
                group.addTask {
                    var buffer = [UInt8](repeating: 0, count: 1 << 16)
                    return (index, try slice.map { try settings.hashFile(root: root, path: $0, buffer: &buffer) })
                }
            }
            var parts: [(Int, [LocalFile])] = []
            for try await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.flatMap(\.1)
        }
    }

    /// Size, MD5 and (for large files) the multipart ETag of one file.
    public func hashFile(root: String, path: String) throws -> LocalFile {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        return try hashFile(root: root, path: path, buffer: &buffer)
    }

    /// Reads in chunks of `buffer`'s size, hashing the whole file and each part of `partSize`.
    func hashFile(root: String, path: String, buffer: inout [UInt8]) throws -> LocalFile {
        var whole = Insecure.MD5()
        var part = Insecure.MD5()
        var partFill = 0
        var partDigests: [UInt8] = []
        var size = 0
        let partSize = partSize
        try FileIO.forEachChunk(of: root + "/" + path, buffer: &buffer) { chunk in
            whole.update(bufferPointer: chunk)
            size += chunk.count
            var rest = chunk
            while !rest.isEmpty {
                let take = min(rest.count, partSize - partFill)
                part.update(bufferPointer: UnsafeRawBufferPointer(rebasing: rest[0..<take]))
                partFill += take
                rest = UnsafeRawBufferPointer(rebasing: rest[take...])
                if partFill == partSize {
                    partDigests.append(contentsOf: part.finalize())
                    part = Insecure.MD5()
                    partFill = 0
                }
            }
        }
        var multipart: String?
        if size >= multipartThreshold {
            if partFill > 0 { partDigests.append(contentsOf: part.finalize()) }
            let parts = partDigests.count / Insecure.MD5.byteCount
            multipart = Hex.encode(Insecure.MD5.hash(data: partDigests)) + "-\(parts)"
        }
        return LocalFile(path: path, size: size, md5: Hex.encode(whole.finalize()), multipartETag: multipart)
    }
}

/// When and how large files are split for upload.
public enum MultipartSettings {
    /// 16 MiB: smaller files go up in one request.
    public static let defaultThreshold = 16 * 1024 * 1024
    /// 8 MiB parts (S3 wants at least 5 MiB for every part but the last).
    public static let defaultPartSize = 8 * 1024 * 1024
    public static let minimumPartSize = 5 * 1024 * 1024
}
