#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one POSIX file layer: whole-file and chunked reads, writes, renames and removals, without
/// Foundation on the hot path. Every `read` and `write` retries when a signal interrupts it (EINTR).
/// Folders (listing, walking, `mkdir -p`, removing trees) are in `FileIO+Folders.swift`.
package enum FileIO {
    /// A failed call: the path, what was being done, and the system's error number.
    package struct Failure: Error, Sendable, CustomStringConvertible {
        package let path: String
        package let operation: String
        package let code: Int32

        /// The system's reason, e.g. `No such file or directory`.
        package var reason: String { FileIO.reason(code) }
        /// Whether nothing was at the path.
        package var isMissing: Bool { code == ENOENT }
        package var description: String { "\(path): cannot \(operation): \(reason)" }
    }

    /// The text of a system error number (`strerror`).
    package static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    /// The whole file. Files that grow while read, or that report no size (`/proc`), are read to their end.
    package static func contents(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "read the file", code: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(path: path, operation: "read the file", code: errno) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(path: path, operation: "read the file", code: EISDIR) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, operation: "read the file", code: errno)
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }

    /// The whole file, or nil when it cannot be read.
    package static func read(_ path: String) -> [UInt8]? {
        try? contents(path)
    }

    /// Calls `body` with successive chunks of the file (at most `buffer.count` bytes each).
    package static func forEachChunk(of path: String, buffer: inout [UInt8],
                                     _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(path: path, operation: "read the file", code: errno) }
        defer { close(fd) }
        try buffer.withUnsafeMutableBytes { raw in
            while true {
                let count = systemRead(fd, raw.baseAddress!, raw.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, operation: "read the file", code: errno)
                }
                if count == 0 { return }
                try body(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
            }
        }
    }

    /// Size of a regular file, or nil when there is none.
    package static func size(_ path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Whether `path` is a folder (or a link to one).
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether anything is at `path`, a dangling link included.
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether nothing is at `path` (a dangling symbolic link counts as nothing).
    package static func isMissing(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 && errno == ENOENT
    }

    /// Writes `bytes` to a new or truncated file (mode 0644); `sync` flushes it to the disk before closing.
    package static func write(_ bytes: some Collection<UInt8>, to path: String, sync: Bool = false) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, operation: "create file", code: errno) }
        var failure = writeAll(bytes, to: fd)
        if sync && failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        guard failure == 0 else { throw Failure(path: path, operation: "write", code: failure) }
    }

    /// Writes all of `bytes` to `fd` at its offset; returns 0, or the error number.
    static func writeAll(_ bytes: some Collection<UInt8>, to fd: Int32) -> Int32 {
        var failure: Int32 = 0
        bytes.withContiguousStorageIfAvailable { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += n
            }
        } ?? { failure = EINVAL }()
        return failure
    }

    /// Moves `from` to `to` in one step (replacing a file at `to`).
    package static func rename(_ from: String, _ to: String) throws(Failure) {
        if systemRename(from, to) != 0 { throw Failure(path: to, operation: "move into place", code: errno) }
    }

    /// Removes a file; one that is already gone is no error.
    package static func remove(_ path: String) throws(Failure) {
        if unlink(path) != 0 && errno != ENOENT { throw Failure(path: path, operation: "remove", code: errno) }
    }
}

// The C calls, reachable by name inside `FileIO` (whose own methods hide them).

@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}

@inline(__always)
private func systemRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
