#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, enough to tell that it was not touched since it was recorded:
/// size, modification and change times (nanoseconds) and inode. A rewrite, a rename over it or a
/// `touch` changes at least one of them.
package struct FileStamp: Sendable, Hashable {
    package var size: Int
    package var modified: Int
    package var changed: Int
    package var inode: UInt64

    /// The stamp of the regular file at `path` (links followed); nil when there is none.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    /// Every regular file below `root` (links followed, folders entered once) with its stamp,
    /// sorted by relative path: one `stat` per entry, relative to its open folder. Unlike
    /// `FileIO.walk` it skips nothing (hidden files and editor leftovers count: the build cache
    /// wants a superset of what a build reads) and is built for speed on large trees.
    package static func tree(_ root: String) -> [(path: String, stamp: FileStamp)] {
        scan(root).files
    }

    /// `tree(root)`, and whether the walk met nothing but folders and regular files and read every
    /// one of them (no links, devices, sockets or pipes, nothing it could not stat or open): then
    /// the files are every file below `root` as any walk lists them.
    ///
    /// With `since`, `notice` is called (once) as soon as the walk meets a folder or file modified
    /// or changed at or after it: a new file shows first in its folder's times, so a caller that
    /// will need more than the stamps when anything changed can start on it before the walk ends.
    package static func scan(_ root: String, noticingChangesSince since: Int? = nil,
                             _ notice: () -> Void = {}) -> (files: [(path: String, stamp: FileStamp)], plain: Bool) {
        var out: [(path: String, stamp: FileStamp)] = []
        var plain = true
        var seen = Set<UInt64>()
        var noticed = since == nil
        func check(_ info: stat) {
            guard !noticed, let since else { return }
            let stamp = FileStamp(info)
            if stamp.modified >= since || stamp.changed >= since {
                noticed = true
                notice()
            }
        }
        func visit(_ folder: Int32, _ prefix: String) {
            guard let dir = fdopendir(folder) else {
                close(folder)
                plain = false
                return
            }
            defer { closedir(dir) }
            // The folder's entries in the order of their paths (a folder's name sorts as if it
            // ended in "/", as its files' paths do), so the walk lists paths sorted: the final
            // sort then only checks, where sorting 100,000 paths at random was a tenth of a second.
            var entries: [(key: String, name: String, info: stat)] = []
            while let entry = readdir(dir) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name == "." || name == ".." { continue }
                let type = entry.pointee.d_type
                if type != UInt8(DT_REG) && type != UInt8(DT_DIR) { plain = false }
                var info = stat()
                guard fstatat(dirfd(dir), name, &info, 0) == 0 else {
                    plain = false
                    continue
                }
                entries.append((info.st_mode & S_IFMT == S_IFDIR ? name + "/" : name, name, info))
            }
            entries.sort { $0.key < $1.key }
            for (_, name, info) in entries {
                check(info)
                switch info.st_mode & S_IFMT {
                case S_IFREG:
                    out.append((prefix + name, FileStamp(info)))
                case S_IFDIR where seen.insert(UInt64(info.st_ino) ^ (UInt64(info.st_dev) << 40)).inserted:
                    let child = openat(dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    if child >= 0 { visit(child, prefix + name + "/") } else { plain = false }
                default:
                    plain = false
                }
            }
        }
        let top = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var info = stat()
        if top >= 0, fstat(top, &info) == 0 { check(info) }
        if top >= 0 { visit(top, "") } else { plain = false }
        out.sort { $0.path < $1.path }
        return (out, plain)
    }

    package init(size: Int, modified: Int, changed: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The wall clock, in nanoseconds since 1970 (the unit of `modified`).
    package static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }
}
