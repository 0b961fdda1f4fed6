import DaybookPreview
import Foundation

/// A tiny HTTP/1.1 client over a plain socket, so tests can send targets that real clients would
/// normalise (`/../etc/passwd`). Every read has a timeout, so a test never hangs.
final class RawConnection: @unchecked Sendable {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit {
        close(fd)
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Reads until `marker` has arrived (or the peer closes, or a read times out).
    func read(until marker: String) -> String {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: data, as: UTF8.self).contains(marker) {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            data += chunk[..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    func readToEnd() -> [UInt8] {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            data += chunk[..<count]
        }
        return data
    }
}

struct RawResponse {
    let status: Int
    let headers: [String: String]
    let body: String

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

enum RawHTTP {
    /// Sends one request (`Connection: close`) and parses the whole response.
    static func get(_ target: String, port: Int, headers: [String: String] = [:]) async throws -> RawResponse {
        try await request("GET", target, port: port, headers: headers)
    }

    static func request(_ method: String, _ target: String, port: Int, headers: [String: String] = [:]) async throws -> RawResponse {
        try await blocking { try requestNow(method, target, port: port, headers: headers) }
    }

    static func requestNow(_ method: String, _ target: String, port: Int, headers: [String: String]) throws -> RawResponse {
        let connection = try RawConnection(port: port)
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        connection.send(text + "\r\n")
        let raw = String(decoding: connection.readToEnd(), as: UTF8.self)
        guard let split = raw.range(of: "\r\n\r\n") else { return RawResponse(status: 0, headers: [:], body: raw) }
        let lines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return RawResponse(status: status, headers: fields, body: String(raw[split.upperBound...]))
    }
}

/// Runs a preview server on an ephemeral port for the duration of `body`, then stops it gracefully.
func withServer(_ store: PreviewStore, _ reload: LiveReload = LiveReload(),
                _ body: @Sendable (Int) async throws -> Void) async throws {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let stop = PreviewServer.Stop()
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            try await PreviewServer(port: 0, store: store, reload: reload).run(handleSignals: false, stop: stop) { continuation.yield($0) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return }
        do {
            try await body(port)
        } catch {
            await stop.fire()
            throw error
        }
        await stop.fire()
        try await group.waitForAll()
    }
}

/// Runs blocking socket work on a thread of its own, never on the (small) cooperative pool the
/// server also needs.
func blocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
