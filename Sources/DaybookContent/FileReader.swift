#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files into bytes with POSIX calls (no Foundation on the hot path).
public enum FileReader {
    /// The file's bytes, or the system's reason why it cannot be read.
    public static func read(_ path: String) -> Result<[UInt8], FileReadError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(FileReadError(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(FileReadError(code: errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(FileReadError(code: EISDIR)) }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let got = bytes.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(code: errno))
            }
            if got == 0 { break }
            filled += got
        }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }

    /// Whether nothing exists at `path` (a dangling symbolic link counts as nothing).
    public static func isMissing(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 && errno == ENOENT
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

/// Why a file could not be read: the system's error (`No such file or directory`).
public struct FileReadError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var description: String { FileReader.errorText(code) }
    public var isMissing: Bool { code == ENOENT }
}

@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
