#if canImport(Glibc)
import Glibc
#endif

/// What `stat` says of a file, enough to tell that it was not touched since it was recorded:
/// size, modification and change times (nanoseconds) and inode. A rewrite, a rename over it or a
/// `touch` changes at least one of them.
struct FileStamp: Sendable, Hashable {
    var size: Int
    var modified: Int
    var changed: Int
    var inode: UInt64

    /// The stamp of the regular file at `path` (links followed); nil when there is none.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(info.st_size)
        modified = Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
        changed = Int(info.st_ctim.tv_sec) * 1_000_000_000 + Int(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
    }

    init(size: Int, modified: Int, changed: Int, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The wall clock, in nanoseconds since 1970 (the unit of `modified`).
    static func now() -> Int {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int(time.tv_sec) * 1_000_000_000 + Int(time.tv_nsec)
    }

    func combine(into hasher: inout StableHasher) {
        hasher.combine(size)
        hasher.combine(modified)
        hasher.combine(changed)
        hasher.combine(inode)
    }
}
