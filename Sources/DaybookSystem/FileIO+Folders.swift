#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders: listing, walking, `mkdir -p` and removing trees. The one `readdir` loop is `names`.
extension FileIO {
    /// One name in a folder and what it is.
    package struct Entry: Sendable, Equatable {
        package enum Kind: Sendable, Equatable {
            case file
            case directory
            /// Neither a regular file nor a folder (a socket, a device, a pipe).
            case other
            /// A symbolic link whose target cannot be reached (the system's error number).
            case broken(Int32)
        }

        package var name: String
        /// What the entry is; for a symbolic link, what its target is.
        package var kind: Kind
        package var isLink: Bool
    }

    /// Names in a directory, without `.` and `..`, in the order the system gives them.
    package static func list(_ path: String) -> [String] {
        (try? names(in: path).map(\.name)) ?? []
    }

    /// The entries of a folder, sorted by name, symbolic links resolved (see `Entry.kind`).
    package static func entries(of path: String) throws(Failure) -> [Entry] {
        try names(in: path).map { name, type in
            let full = path + "/" + name
            switch type {
            case UInt8(DT_DIR): return Entry(name: name, kind: .directory, isLink: false)
            case UInt8(DT_REG): return Entry(name: name, kind: .file, isLink: false)
            case UInt8(DT_LNK), UInt8(DT_UNKNOWN):
                var info = stat()
                let isLink = type == UInt8(DT_LNK) || (lstat(full, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
                guard stat(full, &info) == 0 else { return Entry(name: name, kind: .broken(errno), isLink: isLink) }
                return Entry(name: name, kind: kind(info.st_mode), isLink: isLink)
            default: return Entry(name: name, kind: .other, isLink: false)
            }
        }.sorted { $0.name < $1.name }
    }

    /// Walks the tree below `root`, calling `visit` with each entry's path relative to `root` (in
    /// name order, a folder before what is inside it). `skip` drops a name (and, for a folder,
    /// everything below it) before it is visited; `depth` is 0 for the names directly in `root`.
    ///
    /// With `followingLinks`, links to folders are walked like folders, each folder once (by device
    /// and inode, so a link back up the tree does not loop); without, they are visited and not entered.
    /// A folder that cannot be opened (`root` included, as the empty path) is visited as `.broken`.
    package static func walk(_ root: String, followingLinks: Bool = true,
                             skip: (_ name: String, _ depth: Int) -> Bool = { _, _ in false },
                             visit: (_ relative: String, _ entry: Entry) throws -> Void) rethrows {
        var visited = Set<FolderIdentity>()
        try walk(root, relative: "", depth: 0, followingLinks: followingLinks, visited: &visited, skip: skip, visit: visit)
    }

    private static func walk(_ folder: String, relative: String, depth: Int, followingLinks: Bool,
                             visited: inout Set<FolderIdentity>, skip: (String, Int) -> Bool,
                             visit: (String, Entry) throws -> Void) rethrows {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard visited.insert(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))).inserted else { return }
        }
        let entries: [Entry]
        do throws(Failure) {
            entries = try FileIO.entries(of: folder)
        } catch {
            let name = relative.split(separator: "/").last.map(String.init) ?? ""
            try visit(relative, Entry(name: name, kind: .broken(error.code), isLink: false))
            return
        }
        for entry in entries where !skip(entry.name, depth) {
            let child = relative.isEmpty ? entry.name : relative + "/" + entry.name
            try visit(child, entry)
            if entry.kind == .directory && (followingLinks || !entry.isLink) {
                try walk(folder + "/" + entry.name, relative: child, depth: depth + 1, followingLinks: followingLinks,
                         visited: &visited, skip: skip, visit: visit)
            }
        }
    }

    /// A folder's device and inode.
    private struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    /// Every file below `root`, as paths relative to it; links are listed, not followed. Hidden
    /// entries at the top level (`.git`, `.nojekyll`) are left out: they are not Daybook's to manage.
    package static func walkFiles(_ root: String) -> [String] {
        var out: [String] = []
        walk(root, followingLinks: false, skip: { name, depth in depth == 0 && name.hasPrefix(".") }) { relative, entry in
            if entry.kind == .directory && !entry.isLink { return }
            if case .broken = entry.kind, !entry.isLink { return }  // a folder that cannot be opened
            out.append(relative)
        }
        return out
    }

    /// `mkdir -p`: one `mkdir` when the parent exists; a file in the way is left for the next
    /// call on the path to report.
    package static func makeDirectories(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) == 0 { return }
        switch errno {
        case EEXIST:
            return
        case ENOENT:
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else {
                throw Failure(path: path, operation: "create directory", code: ENOENT)
            }
            try makeDirectories(String(path[..<slash]))
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw Failure(path: path, operation: "create directory", code: errno)
            }
        case let code:
            throw Failure(path: path, operation: "create directory", code: code)
        }
    }

    /// Writes `bytes` to `path` (see `write(_:to:sync:)`), creating its folders when they are
    /// missing: one `open` when they exist, as they mostly do.
    package static func write(_ bytes: some Collection<UInt8>, creatingFoldersTo path: String) throws(Failure) {
        do {
            try write(bytes, to: path)
        } catch where error.isMissing {
            guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { throw error }
            try makeDirectories(String(path[..<slash]))
            try write(bytes, to: path)
        }
    }

    /// Removes the folders of `relative` (a path below `root`) that are now empty, deepest first,
    /// up to the first that holds something else; `root` itself stays. By `rmdir(2)` alone, which
    /// fails on a folder that is not empty: no listing (a removed page's folder can hold 100,000
    /// entries, and listing it once per removed file cost seconds).
    package static func removeEmptyFolders(of relative: String, under root: String) {
        var parts = relative.split(separator: "/").dropLast()
        while !parts.isEmpty, rmdir(root + "/" + parts.joined(separator: "/")) == 0 {
            parts = parts.dropLast()
        }
    }

    /// Removes a tree (files and folders), ignoring what is already gone.
    package static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// The names in a folder with their `d_type`, without `.` and `..`.
    private static func names(in path: String) throws(Failure) -> [(name: String, type: UInt8)] {
        guard let dir = opendir(path) else { throw Failure(path: path, operation: "read folder", code: errno) }
        defer { closedir(dir) }
        var out: [(name: String, type: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { out.append((name, entry.pointee.d_type)) }
        }
        return out
    }

    private static func kind(_ mode: mode_t) -> Entry.Kind {
        switch mode & S_IFMT {
        case S_IFDIR: .directory
        case S_IFREG: .file
        default: .other
        }
    }
}
