#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin POSIX file helpers for the output stage: no Foundation bridging on the hot path.
enum FileIO {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let operation: String
        let code: Int32
        var description: String { "\(path): cannot \(operation): \(String(cString: strerror(code)))" }
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var offset = 0
        while offset < size {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + offset, size - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return n == 0 ? Array(bytes[..<offset]) : nil }
            offset += n
        }
        return bytes
    }

    /// Size of a regular file, or nil when there is none.
    static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Writes `bytes` to a new or truncated file; `sync` flushes it to the disk before closing.
    static func write(_ bytes: some Collection<UInt8>, to path: String, sync: Bool = false) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, operation: "create file", code: errno) }
        var failure: Int32 = 0
        bytes.withContiguousStorageIfAvailable { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        } ?? { failure = EINVAL }()
        if sync && failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else { throw Failure(path: path, operation: "write", code: failure) }
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(Failure) {
        if isDirectory(path) { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw Failure(path: path, operation: "create directory", code: errno)
        }
    }

    static func rename(_ from: String, _ to: String) throws(Failure) {
        if Glibc.rename(from, to) != 0 { throw Failure(path: to, operation: "move into place", code: errno) }
    }

    static func remove(_ path: String) throws(Failure) {
        if unlink(path) != 0 && errno != ENOENT { throw Failure(path: path, operation: "remove", code: errno) }
    }

    /// Removes a tree (files and folders), ignoring what is already gone.
    static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in list(path) { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Names in a directory, without `.` and `..`.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Every regular file below `root`, as paths relative to it. Hidden entries at the top level
    /// (`.git`, `.nojekyll`) are left out: they are not Daybook's to manage.
    static func walkFiles(_ root: String) -> [String] {
        var out: [String] = []
        func visit(_ relative: String) {
            let full = relative.isEmpty ? root : root + "/" + relative
            for name in list(full) {
                if relative.isEmpty && name.hasPrefix(".") { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { visit(child) } else { out.append(child) }
            }
        }
        visit("")
        return out
    }
}
