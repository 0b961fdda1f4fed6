import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `daybook serve` as a user starts it: a real process on a loopback port, asked over HTTP
/// (URLSession), stopped with Ctrl-C.
@Suite("daybook serve, run as a user runs it", .serialized)
struct ServeCommandTests {
    /// A port in a range the suite uses for nothing else (a clash fails the test with its message).
    static func freePort() -> Int { Int.random(in: 20000...45000) }

    static func get(_ url: String) async throws -> (status: Int, body: String) {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 10
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test("a site whose first build fails is served as an error page, then as the site once a save fixes it")
    func firstBuildFailureThenFix() async throws {
        let site = SiteFolder()
        defer { site.remove() }
        let record = BuildCommandTests.validRecord
        site.write("daybook.yml", "title: Test\nbase_url: https://example.org/papers/\n")
        site.write("content/papers/2026-11-20/2405.01234.md", record.replacingOccurrences(of: "upvotes: 4", with: "upvotes: many"))
        let port = ServeCommandTests.freePort()
        let serve = try DaybookExecutable.start(["serve", "--port", String(port)], in: site.path)
        #expect(serve.waitForOutput(containing: "Serving http://127.0.0.1:\(port)/papers/"), "\(serve.stderr)")
        #expect(serve.stderr.contains("content/papers/2026-11-20/2405.01234.md:6:10: 'upvotes' must be a whole number, got \"many\""))
        #expect(serve.stderr.contains("build failed: serving an error page until a save fixes the errors above"))
        let waiting = try await ServeCommandTests.get("http://127.0.0.1:\(port)/papers/")
        #expect(waiting.body.contains("The site did not build"))

        site.write("content/papers/2026-11-20/2405.01234.md", record.replacingOccurrences(of: "A Paper", with: "Fixed Paper"))
        #expect(serve.waitForOutput(containing: "Rebuilt (full)", timeout: .seconds(30)), "\(serve.stderr)")
        let page = try await ServeCommandTests.get("http://127.0.0.1:\(port)/papers/papers/2405.01234/")
        #expect(page.status == 200 && page.body.contains("Fixed Paper"))
        let stopped = serve.stop()
        #expect(stopped.status == 0, "\(stopped)")
        #expect(stopped.stdout.contains("Stopped."))
    }

    @Test("KaTeX's files are served on a site with math")
    func servesKaTeX() async throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js") else { return }
        let site = SiteFolder()
        defer { site.remove() }
        site.write("content/papers/2026-11-20/2405.01234.md", BuildCommandTests.validRecord
                    .replacingOccurrences(of: "An abstract.", with: "We bound $O(n^2)$."))
        let port = ServeCommandTests.freePort()
        let serve = try DaybookExecutable.start(["serve", "--port", String(port)], in: site.path)
        #expect(serve.waitForOutput(containing: "Serving "), "\(serve.stderr)")
        for file in ["katex.min.js", "katex.min.css", "fonts/KaTeX_Main-Regular.woff2"] {
            let response = try await ServeCommandTests.get("http://127.0.0.1:\(port)/assets/katex/\(file)")
            #expect(response.status == 200, "\(file)")
        }
        _ = serve.stop()
    }
}
