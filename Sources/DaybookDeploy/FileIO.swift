import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain POSIX file reads and writes: no per-call buffers sized for the worst case, no
/// Foundation atomic-write detours (a deploy does its own temp-and-rename).
enum FileIO {
    /// Calls `body` with successive chunks of the file (at most `buffer.count` bytes each).
    static func forEachChunk(of path: String, buffer: inout [UInt8], _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw DeployError("\(path): cannot read the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try buffer.withUnsafeMutableBytes { raw in
            while true {
                let count = posixRead(fd, raw.baseAddress!, raw.count)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw DeployError("\(path): cannot read the file: \(String(cString: strerror(errno)))")
                }
                if count == 0 { return }
                try body(UnsafeRawBufferPointer(rebasing: raw[0..<count]))
            }
        }
    }

    /// The whole file.
    static func read(_ path: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        try forEachChunk(of: path, buffer: &buffer) { out.append(contentsOf: $0) }
        return out
    }

    /// Creates (or truncates) `path` with mode 0644 and writes `bytes`.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw DeployError("\(path): cannot write the file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        try bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = posixWrite(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw DeployError("\(path): cannot write the file: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}

/// The C `read` and `write`, reachable by name inside `FileIO` (whose own methods hide them).
private func posixRead(_ fd: Int32, _ bytes: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, bytes, count)
}

private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, bytes, count)
}
