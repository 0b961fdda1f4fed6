import Synchronization

/// Server-Sent Events to every open page: `hello` on connect (server id and build generation,
/// so a page reloads after reconnecting to a restarted or rebuilt server), `reload` after a new
/// build is in place, `build-error` with the diagnostics of a failed build (also sent on connect
/// while it lasts) and `build-ok` when the next good build clears it.
public final class LiveReload: Sendable {
    /// The path the injected script listens on.
    public static let eventsPath = "/__daybook/events"

    private struct State {
        var clients: [Int: AsyncStream<String>.Continuation] = [:]
        var nextClient = 0
        var generation = 0
        var error: String?
        var closed = false
    }

    private let state = Mutex(State())
    private let serverID: String

    public init(serverID: String = String(UInt64.random(in: 1...UInt64.max), radix: 36)) {
        self.serverID = serverID
    }

    /// The events for one new client, starting with `hello` (and the current error, if any).
    /// The stream ends when the hub closes.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(16))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            continuation.yield("retry: 1000\nevent: hello\ndata: \(serverID)-\(state.generation)\n\n")
            if let error = state.error { continuation.yield(LiveReload.message("build-error", error)) }
            let id = state.nextClient
            state.nextClient += 1
            state.clients[id] = continuation
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.clients.removeValue(forKey: id) }
        }
        return stream
    }

    /// Tells every page that a new build is in place; clears a shown error.
    public func publishReload() {
        broadcast { state in
            state.generation += 1
            state.error = nil
            return [LiveReload.message("reload", String(state.generation))]
        }
    }

    /// Shows `text` over every page until the next good build.
    public func publishError(_ text: String) {
        broadcast { state in
            state.error = text
            return [LiveReload.message("build-error", text)]
        }
    }

    /// Clears a shown error without reloading (a good build that changed nothing visible).
    public func publishOK() {
        broadcast { state in
            guard state.error != nil else { return [] }
            state.error = nil
            return [LiveReload.message("build-ok", "")]
        }
    }

    /// Ends every stream (server shutdown), so open connections close.
    public func close() {
        let clients = state.withLock { state in
            state.closed = true
            defer { state.clients = [:] }
            return Array(state.clients.values)
        }
        for client in clients { client.finish() }
    }

    public var clientCount: Int { state.withLock { $0.clients.count } }

    private func broadcast(_ update: (inout State) -> [String]) {
        state.withLock { state in
            for message in update(&state) {
                for client in state.clients.values { client.yield(message) }
            }
        }
    }

    /// One SSE message; each line of `data` becomes its own `data:` line.
    static func message(_ event: String, _ data: String) -> String {
        var out = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) { out += "data: \(line)\n" }
        return out + "\n"
    }
}
