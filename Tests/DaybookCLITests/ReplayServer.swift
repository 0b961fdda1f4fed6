import Foundation

/// `Tests/Replay/replay_server.py` on 127.0.0.1, serving recorded responses (`Tests/Replay/recordings`)
/// with faults injected, for `daybook fetch` run as a user runs it. Started per test, stopped by `stop()`.
final class ReplayServer: @unchecked Sendable {
    struct Response {
        var status = 200
        var headers: [String: String] = [:]
        /// A file under `Tests/Replay/recordings`.
        var recording: String?
        var body: String?
        var etag: String?
        var lastModified: String?
        /// nil, "stall", "truncate" or "close" (see replay_server.py).
        var fault: String?

        static func recorded(_ name: String, etag: String? = nil, lastModified: String? = nil, fault: String? = nil) -> Response {
            Response(recording: name, etag: etag, lastModified: lastModified, fault: fault)
        }

        static func status(_ code: Int, retryAfter: String? = nil) -> Response {
            Response(status: code, headers: retryAfter.map { ["Retry-After": $0] } ?? [:], body: "error \(code)")
        }

        var json: [String: Any] {
            var out: [String: Any] = ["status": status, "headers": headers]
            if let recording { out["body_file"] = ReplayServer.recordings + "/" + recording }
            if let body { out["body"] = body }
            if let etag { out["etag"] = etag }
            if let lastModified { out["last_modified"] = lastModified }
            if let fault { out["fault"] = fault }
            return out
        }
    }

    struct Route {
        var path: String
        var query: [String: String] = [:]
        var responses: [Response]
    }

    /// One request the server saw.
    struct Request {
        var time: Double
        var path: String
        var query: [String: String]
        var headers: [String: String]
    }

    static let recordings = SiteFolder.repositoryRoot + "/Tests/Replay/recordings"
    static let script = SiteFolder.repositoryRoot + "/Tests/Replay/replay_server.py"

    private let process = Process()
    private let folder: URL
    private let logURL: URL
    /// `http://127.0.0.1:PORT`
    private(set) var address = ""

    init(_ routes: [Route]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        logURL = folder.appendingPathComponent("requests.jsonl")
        let scenario: [String: Any] = ["routes": routes.map { route in
            ["path": route.path, "query": route.query, "responses": route.responses.map(\.json)] as [String: Any]
        }]
        let scenarioURL = folder.appendingPathComponent("scenario.json")
        try JSONSerialization.data(withJSONObject: scenario).write(to: scenarioURL)
        let portURL = folder.appendingPathComponent("port")
        _ = FileManager.default.createFile(atPath: portURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script, scenarioURL.path, "--log", logURL.path]
        process.standardOutput = try FileHandle(forWritingTo: portURL)
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, process.isRunning {
            let text = (try? String(contentsOf: portURL, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first, line.hasPrefix("PORT "), text.hasSuffix("\n") {
                address = "http://127.0.0.1:" + line.dropFirst(5)
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        stop()
        throw StartFailure()
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String { "the replay server (Tests/Replay/replay_server.py, python3) did not start" }
    }

    /// Every request so far, in order.
    var requests: [Request] {
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return Request(time: object["time"] as? Double ?? 0, path: object["path"] as? String ?? "",
                           query: object["query"] as? [String: String] ?? [:], headers: object["headers"] as? [String: String] ?? [:])
        }
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { stop() }
}
