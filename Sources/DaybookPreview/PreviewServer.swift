import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The preview's HTTP server (Hummingbird): serves `store`'s current site from memory and the
/// live-reload event stream on the same port.
public struct PreviewServer: Sendable {
    public let host: String
    public let port: Int
    public let store: PreviewStore
    public let reload: LiveReload

    public init(host: String = "127.0.0.1", port: Int, store: PreviewStore, reload: LiveReload) {
        self.host = host
        self.port = port
        self.store = store
        self.reload = reload
    }

    /// Serves until `stop` is fired or, with `handleSignals`, until Ctrl-C (SIGINT) or SIGTERM;
    /// then closes the event streams so the server stops at once. `onRunning` gets the bound
    /// port (useful with port 0).
    public func run(handleSignals: Bool = true, stop: PreviewServer.Stop? = nil,
                    onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws(PreviewError) {
        let port = self.port
        guard UInt16(exactly: port) != nil else { throw .invalidPort(port) }
        let logger = Logger(label: "daybook.serve") { _ in SwiftLogNoOpLogHandler() }
        let app = Application(
            responder: SiteResponder(store: store, reload: reload),
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), reuseAddress: true),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
        // Services stop in reverse order: the event streams close first, so the server is not
        // kept waiting by open pages.
        let group = ServiceGroup(configuration: .init(services: [app, ShutdownService(reload: reload)], gracefulShutdownSignals: handleSignals ? [.sigint, .sigterm] : [],
                                                      logger: logger))
        stop?.attach(group)
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw .portInUse(host: host, port: port)
        } catch let error as IOError where error.errnoCode == EACCES {
            throw .cannotBind(host: host, port: port, reason: "permission denied")
        } catch is CancellationError {
            return
        } catch {
            throw .cannotBind(host: host, port: port, reason: "\(error)")
        }
        reload.close()
    }

    /// Whether `host:port` can be bound now, checked before the first build so a taken port is
    /// reported at once.
    public static func checkAvailable(host: String, port: Int) throws(PreviewError) {
        guard port != 0 else { return }
        guard let port16 = UInt16(exactly: port) else { throw .invalidPort(port) }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(port16.bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else { return }  // a name or IPv6: let the server decide
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 && errno == EADDRINUSE { throw .portInUse(host: host, port: port) }
    }
}

extension PreviewServer {
    /// Stops a running server gracefully, as Ctrl-C does.
    public final class Stop: Sendable {
        private let group = Mutex<ServiceGroup?>(nil)
        private let fired = Mutex(false)

        public init() {}

        func attach(_ group: ServiceGroup) {
            self.group.withLock { $0 = group }
            if fired.withLock({ $0 }) { Task { await group.triggerGracefulShutdown() } }
        }

        public func fire() async {
            fired.withLock { $0 = true }
            await group.withLock { $0 }?.triggerGracefulShutdown()
        }
    }
}

/// Closes the live-reload streams when a graceful shutdown starts, so open pages do not keep
/// the server waiting.
struct ShutdownService: Service {
    let reload: LiveReload

    func run() async throws {
        try? await gracefulShutdown()
        reload.close()
    }
}

/// Why the preview could not run.
public enum PreviewError: Error, Sendable, CustomStringConvertible, Equatable {
    case portInUse(host: String, port: Int)
    case cannotBind(host: String, port: Int, reason: String)
    case invalidPort(Int)

    public var description: String {
        switch self {
        case .portInUse(let host, let port):
            return "port \(port) on \(host) is already in use: stop the other server or choose another port with --port"
        case .cannotBind(let host, let port, let reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .invalidPort(let port):
            return "port must be a number from 1 to 65535, got \(port)"
        }
    }
}
