#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension FileIO {
    /// Writes the file at `path` whole or not at all: `body` appends its parts to `path.tmp` (the
    /// folder made if missing), which then replaces `path` in one step; on failure the temporary
    /// file is removed and the error thrown, `path` left as it was.
    package static func replace(_ path: String, writing body: (Appender) throws(Failure) -> Void) throws(Failure) {
        try Replacement(path, writing: body).commit()
    }

    /// `replace` in two steps, for a file worth writing before it is known to be wanted: `init`
    /// writes the new content beside `path` (`path.tmp`), `commit` puts it in place, `discard`
    /// removes it. `path` is unchanged until `commit`.
    package struct Replacement: Sendable {
        package let path: String
        let temporary: String

        package init(_ path: String, writing body: (Appender) throws(Failure) -> Void) throws(Failure) {
            self.path = path
            temporary = path + ".tmp"
            do throws(Failure) {
                if let slash = path.lastIndex(of: "/") { try makeDirectories(String(path[..<slash])) }
                let file = try Appender(creating: temporary)
                try body(file)
                try file.close()
            } catch {
                removeTree(temporary)
                throw error
            }
        }

        /// Replaces `path` with what was written, in one step (the temporary is removed if it cannot).
        package func commit() throws(Failure) {
            do throws(Failure) {
                try rename(temporary, path)
            } catch {
                removeTree(temporary)
                throw error
            }
        }

        /// Removes what was written; `path` stays as it was.
        package func discard() {
            removeTree(temporary)
        }
    }

    /// A file written in parts, for what is too large to hold whole in memory: created (or
    /// truncated) by `init`, each `append` written after the last, finished by `close`. Closed
    /// untouched if dropped before `close` (a failed write: remove the file).
    package final class Appender {
        package let path: String
        private var fd: Int32

        package init(creating path: String) throws(Failure) {
            self.path = path
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw Failure(path: path, operation: "create file", code: errno) }
        }

        package func append(_ bytes: some Collection<UInt8>) throws(Failure) {
            let failure = FileIO.writeAll(bytes, to: fd)
            guard failure == 0 else { throw Failure(path: path, operation: "write", code: failure) }
        }

        package func close() throws(Failure) {
            let result = systemClose(fd)
            fd = -1
            guard result == 0 else { throw Failure(path: path, operation: "write", code: errno) }
        }

        deinit {
            if fd >= 0 { _ = systemClose(fd) }
        }
    }
}

@inline(__always)
private func systemClose(_ fd: Int32) -> Int32 {
    close(fd)
}
