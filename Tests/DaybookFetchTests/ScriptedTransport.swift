import DaybookHTTP
import Foundation

/// A transport that answers from a script instead of the network: each request gets the next
/// answer for its URL (the last one repeats), and every request is recorded.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    enum Answer {
        case response(HTTPTransportResponse)
        case failure(any Error)
    }

    private let lock = NSLock()
    private var script: [String: [Answer]]
    private var served: [String: Int] = [:]
    private(set) var requests: [HTTPTransportRequest] = []

    init(_ script: [String: [Answer]]) {
        self.script = script
    }

    func send(_ request: HTTPTransportRequest) async throws -> HTTPTransportResponse {
        let answer: Answer = lock.withLock {
            requests.append(request)
            guard let answers = script[request.url], !answers.isEmpty else {
                return .response(HTTPTransportResponse(status: 404, body: Array("no script for \(request.url)".utf8)))
            }
            let index = served[request.url, default: 0]
            served[request.url] = index + 1
            return answers[min(index, answers.count - 1)]
        }
        switch answer {
        case .response(let response): return response
        case .failure(let error): throw error
        }
    }

    func shutdown() async {}

    var urls: [String] { lock.withLock { requests.map(\.url) } }

    static func ok(_ body: String, headers: [(name: String, value: String)] = []) -> Answer {
        .response(HTTPTransportResponse(status: 200, headers: headers, body: Array(body.utf8)))
    }

    static func status(_ code: Int, headers: [(name: String, value: String)] = []) -> Answer {
        .response(HTTPTransportResponse(status: code, headers: headers, body: Array("error".utf8)))
    }
}

/// Records the waits a client asked for instead of sleeping.
final class RecordedSleeps: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Duration] = []

    var waits: [Duration] { lock.withLock { values } }

    var sleep: @Sendable (Duration) async throws -> Void {
        { [self] duration in lock.withLock { values.append(duration) } }
    }
}
