import ArgumentParser
import DaybookPreview
import DaybookSite
import Foundation

/// `daybook serve`: build into memory, serve, rebuild on every save, reload the browser.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site: serve it from memory and rebuild and reload on every save.",
        discussion: """
        Links point at the preview's own address (http://HOST:PORT) plus the path of the config's \
        base_url, so a site meant for https://example.org/papers/ is served at http://127.0.0.1:8000/papers/. \
        Nothing is written to the output folder.
        """
    )

    @Option(name: .long, help: "Port to listen on.")
    var port: Int = 8000

    @Option(name: .long, help: "Address to listen on (only this machine by default).")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Open the site in the default browser.")
    var open = false

    @Option(name: .long, help: "Config file.")
    var config: String = "daybook.yml"

    @Option(name: .long, help: "Site folder (default: the current folder).")
    var root: String = "."

    func validate() throws {
        guard (1...65535).contains(port) else {
            throw ValidationError("--port must be a number from 1 to 65535, got \(port)")
        }
    }

    func run() async throws {
        do {
            try PreviewServer.checkAvailable(host: host, port: port)
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        let linkHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : (host.contains(":") ? "[\(host)]" : host)
        let origin = "http://\(linkHost):\(port)"
        var options = BuildOptions(siteRoot: Console.absolute(root), configPath: config)
        // Records parsed by the last `daybook build` are not parsed again (read only: see ContentCache).
        options.cacheDirectory = options.resolve(".daybook-cache/build")
        let session = PreviewSession(options: options, origin: origin, log: { Console.error($0) })
        if let builder = session.builder {
            Console.printWarnings(builder.warnings)
            ServeCommand.say("Built \(builder.library.papers.count) papers over \(builder.library.days.count) days: "
                + "\(builder.fileCount) files (\(builder.pageCount) pages and feeds, made when requested)")
        } else if let error = session.startError {
            Console.error(error.description)
            Console.error("build failed: serving an error page until a save fixes the errors above")
        }
        do {
            try session.startWatching()
        } catch {
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        let address = origin + session.store.site.basePath
        let open = self.open
        let server = PreviewServer(host: host, port: port, store: session.store, reload: session.reload)
        do {
            try await server.run { _ in
                ServeCommand.say("Serving \(address) — watching for changes, Ctrl-C to stop")
                if open { ServeCommand.openBrowser(address) }
            }
        } catch {
            session.stop()
            Console.error("error: \(error.description)")
            throw ExitCode(1)
        }
        session.stop()
        ServeCommand.say("Stopped.")
    }

    /// Writes a line to standard output at once (unbuffered, so it shows through a pipe too).
    static func say(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func openBrowser(_ url: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Console.error("warning: could not open a browser (\(error.localizedDescription)); open \(url)")
        }
    }
}
