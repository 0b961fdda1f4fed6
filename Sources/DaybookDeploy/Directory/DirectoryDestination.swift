import DaybookHTTP
import DaybookSystem
import Foundation

/// Deploys to a folder (a web server's root, a mounted share). Each file is written to a
/// temporary name beside its final one and renamed into place, so a reader never sees half a
/// file; files are compared by MD5, hashed only where the sizes agree.
public final class DirectoryDestination: DeployDestination {
    public let root: String
    private let beforeWrite: (@Sendable (String) throws -> Void)?
    private let counter = RequestCounter()

    /// `beforeWrite` runs before each file is put in place, with its relative path; tests use it
    /// to inject a failure mid-way.
    public init(root: String, beforeWrite: (@Sendable (String) throws -> Void)? = nil) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        self.beforeWrite = beforeWrite
    }

    public var description: String { root }
    public var requestCount: Int { counter.value }

    public func inventory(local: [LocalFile]) async throws -> [String: RemoteEntry] {
        guard !FileIO.isMissing(root) else { return [:] }
        guard FileIO.isDirectory(root) else { throw DeployError("\(root): not a folder") }
        var sizes: [String: Int] = [:]
        for file in local { sizes[file.path] = file.size }
        var found: [(path: String, size: Int)] = []
        try FileIO.walk(root, followingLinks: false) { path, entry in
            if case let .broken(code) = entry.kind, !entry.isLink {
                throw DeployError("\(root)/\(path): cannot read the folder: \(FileIO.reason(code))")
            }
            if entry.kind == .directory && !entry.isLink { return }
            // A link is never taken as the file itself: it is replaced by one.
            found.append((path, entry.isLink ? -1 : FileIO.size(root + "/" + path) ?? -1))
        }
        counter.increment(by: found.count)
        let toHash = found.filter { sizes[$0.path] == $0.size }.map(\.path)
        let hashed = try await LocalSiteScanner(multipartThreshold: .max).hash(toHash, root: root)
        var md5: [String: String] = [:]
        for file in hashed { md5[file.path] = file.md5 }
        var entries: [String: RemoteEntry] = [:]
        for (path, size) in found {
            entries[path] = RemoteEntry(size: size, etag: md5[path] ?? "", headers: .notApplicable)
        }
        return entries
    }

    public func upload(_ file: LocalFile, from siteRoot: String, headers: ObjectHeaders) async throws -> String {
        try beforeWrite?(file.path)
        let source = siteRoot + "/" + file.path
        let target = root + "/" + file.path
        let data = try FileIO.contents(source)
        let folder = (target as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let name = (target as NSString).lastPathComponent
        let temporary = folder + "/" + ReservedNames.temporaryPrefix + String(UInt32.random(in: 0...UInt32.max), radix: 16) + "-" + name
        try FileIO.write(data, to: temporary)
        if rename(temporary, target) != 0 {
            let reason = String(cString: strerror(errno))
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
                // A stale folder where the site now has a file: the file wins.
                try? FileManager.default.removeItem(atPath: target)
                if rename(temporary, target) == 0 {
                    counter.increment()
                    return file.md5
                }
            }
            try? FileManager.default.removeItem(atPath: temporary)
            throw DeployError("\(target): cannot put the file in place: \(reason)")
        }
        counter.increment()
        return file.md5
    }

    /// Creates `folder` and its parents; a stale file in the way (the site now has a folder
    /// there) is removed. Uploads run in parallel and make the same folders: a folder another
    /// upload made meanwhile is taken as it is, never removed (`unlink` cannot remove a folder).
    private func makeFolder(_ folder: String) throws {
        if FileIO.isDirectory(folder) { return }
        guard folder.count > root.count else {
            do { try FileIO.makeDirectories(folder) } catch {
                throw DeployError("\(folder): cannot create the folder: \(error.reason)")
            }
            return
        }
        try makeFolder((folder as NSString).deletingLastPathComponent)
        if unlink(folder) != 0 && errno != ENOENT && errno != EISDIR {
            throw DeployError("\(folder): cannot remove the file where a folder goes: \(FileIO.reason(errno))")
        }
        if mkdir(folder, 0o755) != 0 {
            let code = errno
            if code == EEXIST && FileIO.isDirectory(folder) { return }
            throw DeployError("\(folder): cannot create the folder: \(FileIO.reason(code))")
        }
    }

    public func delete(_ paths: [String]) async throws {
        for path in paths {
            let target = root + "/" + path
            var isDirectory: ObjCBool = false
            // Gone already, or a folder now (the site replaced the file by a folder of the same name).
            guard FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            do {
                try FileManager.default.removeItem(atPath: target)
            } catch {
                if FileManager.default.fileExists(atPath: target) {
                    throw DeployError("\(target): cannot delete the file: \(error.localizedDescription)")
                }
            }
            counter.increment()
            // Folders left empty go, without listing them.
            FileIO.removeEmptyFolders(of: path, under: root)
        }
    }

    public func record(_ files: [String: RecordedFile]) async throws {}

    public func close() async {}
}
