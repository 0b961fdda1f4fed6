#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists the record files under a folder, at any depth: `*.md` (paper records) and `*.json`
/// (Hugging Face papers). Hidden files and folders (`.git`, `.DS_Store`) and editor leftovers
/// (`name~`, `#name#`) are skipped; other files (images, notes) are not records and are left alone.
struct ContentWalker {
    enum Kind: Sendable { case record, huggingFace }

    struct File: Sendable {
        /// Path to open.
        var path: String
        /// Path shown to the user, relative to the site root.
        var displayPath: String
        var kind: Kind
    }

    /// The files under `folder`, sorted by display path. Throws when `folder` cannot be read.
    static func files(in folder: String, displayPrefix: String) throws(ContentError) -> [File] {
        var files: [File] = []
        var problems: [Diagnostic] = []
        var visited = Set<FolderIdentity>()
        walk(folder, display: displayPrefix, into: &files, problems: &problems, visited: &visited)
        guard problems.isEmpty else { throw ContentError(problems) }
        return files.sorted { $0.displayPath < $1.displayPath }
    }

    /// A folder's device and inode, so that a symbolic link back up the tree is walked only once.
    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func walk(_ folder: String, display: String, into files: inout [File],
                             problems: inout [Diagnostic], visited: inout Set<FolderIdentity>) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        }
        guard let directory = opendir(folder) else {
            problems.append(Diagnostic(path: display, message: "cannot read folder: \(FileReader.errorText(errno))"))
            return
        }
        defer { closedir(directory) }
        var subfolders: [(String, String)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(".") || name.hasSuffix("~") || name.hasPrefix("#") { continue }
            let path = folder + "/" + name
            let shown = display.isEmpty ? name : display + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_LNK) || Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                var info = stat()
                guard stat(path, &info) == 0 else {
                    problems.append(Diagnostic(path: shown, message: "cannot read: \(FileReader.errorText(errno))"))
                    continue
                }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                subfolders.append((path, shown))
            } else if name.hasSuffix(".md") {
                files.append(File(path: path, displayPath: shown, kind: .record))
            } else if name.hasSuffix(".json") {
                files.append(File(path: path, displayPath: shown, kind: .huggingFace))
            }
        }
        for (path, shown) in subfolders.sorted(by: { $0.1 < $1.1 }) {
            walk(path, display: shown, into: &files, problems: &problems, visited: &visited)
        }
    }
}
