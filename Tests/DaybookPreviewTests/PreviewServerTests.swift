import DaybookPreview
import DaybookSite
import Foundation
import Testing

@Suite struct PreviewServerTests {
    /// A small in-memory site under `/papers/`, with one asset that is a symlink out of the theme.
    final class Fixture: @unchecked Sendable {
        let folder: String
        let store: PreviewStore

        init() throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-server-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: folder + "/theme/assets", withIntermediateDirectories: true)
            try Data("body{}".utf8).write(to: URL(fileURLWithPath: folder + "/theme/assets/style.css"))
            try Data("secret".utf8).write(to: URL(fileURLWithPath: folder + "/secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: folder + "/theme/assets/leak.txt", withDestinationPath: folder + "/secret.txt")
            var site = RenderedSite()
            site.add("index.html", "<h1>Home</h1>")
            site.add("days/2026-11-20/index.html", "<h1>Day</h1>")
            site.add("404.html", "<h1>Nothing here</h1>")
            site.add("feed.xml", "<rss/>")
            site.add("tags/%C3%A9t%C3%A9/index.html", "<h1>Été</h1>")
            site.files["assets/style.css"] = .copy(source: folder + "/theme/assets/style.css")
            site.files["assets/leak.txt"] = .copy(source: folder + "/theme/assets/leak.txt")
            // KaTeX as Debian ships it: a folder whose fonts/ is a symlink to the system's fonts.
            try FileManager.default.createDirectory(atPath: folder + "/katex", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: folder + "/system-fonts", withIntermediateDirectories: true)
            try Data("katex()".utf8).write(to: URL(fileURLWithPath: folder + "/katex/katex.min.js"))
            try Data("wOF2".utf8).write(to: URL(fileURLWithPath: folder + "/system-fonts/KaTeX_Main-Regular.woff2"))
            try FileManager.default.createSymbolicLink(atPath: folder + "/katex/fonts", withDestinationPath: folder + "/system-fonts")
            site.files["assets/katex/katex.min.js"] = .copy(source: folder + "/katex/katex.min.js")
            site.files["assets/katex/fonts/KaTeX_Main-Regular.woff2"] = .copy(source: folder + "/katex/fonts/KaTeX_Main-Regular.woff2")
            store = PreviewStore(PreviewSite(site: site, basePath: "/papers/", assetDirectory: folder + "/theme/assets",
                                             mathDirectory: folder + "/katex"))
        }

        deinit {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    @Test func servesPagesWithTypeLengthAndETagAndAnswers304ToAMatchingTag() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            let home = try await RawHTTP.get("/papers/", port: port)
            #expect(home.status == 200)
            #expect(home.body == "<h1>Home</h1>")
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.header("Content-Length") == "13")
            let tag = try #require(home.header("ETag"))
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""))

            let again = try await RawHTTP.get("/papers/", port: port, headers: ["If-None-Match": "\"other\", \(tag)"])
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
            #expect(again.header("ETag") == tag)

            let feed = try await RawHTTP.get("/papers/feed.xml", port: port)
            #expect(feed.header("Content-Type") == "application/rss+xml; charset=utf-8")
            let css = try await RawHTTP.get("/papers/assets/style.css", port: port)
            #expect(css.status == 200 && css.body == "body{}")
            #expect(css.header("Content-Type") == "text/css; charset=utf-8")
        }
    }

    @Test("KaTeX's files, copied from outside the theme, are served (fonts through Debian's symlink)")
    func servesKaTeXFromItsOwnFolder() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            let script = try await RawHTTP.get("/papers/assets/katex/katex.min.js", port: port)
            #expect(script.status == 200 && script.body == "katex()")
            let font = try await RawHTTP.get("/papers/assets/katex/fonts/KaTeX_Main-Regular.woff2", port: port)
            #expect(font.status == 200 && font.body == "wOF2")
            #expect(font.header("Content-Type") == "font/woff2")
        }
    }

    @Test func headGivesTheHeadersOfGetWithoutABody() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            let head = try await RawHTTP.request("HEAD", "/papers/days/2026-11-20/", port: port)
            #expect(head.status == 200)
            #expect(head.header("Content-Length") == "12")
            #expect(head.header("Content-Type") == "text/html; charset=utf-8")
            #expect(head.body.isEmpty)
            let post = try await RawHTTP.request("POST", "/papers/", port: port)
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")
        }
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutTheirSlash() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            let day = try await RawHTTP.get("/papers/days/2026-11-20/?utm=x", port: port)
            #expect(day.status == 200 && day.body == "<h1>Day</h1>")
            let bare = try await RawHTTP.get("/papers/days/2026-11-20", port: port)
            #expect(bare.status == 301)
            #expect(bare.header("Location") == "/papers/days/2026-11-20/")
            let base = try await RawHTTP.get("/papers", port: port)
            #expect(base.status == 301 && base.header("Location") == "/papers/")
            let encoded = try await RawHTTP.get("/papers/tags/%C3%A9t%C3%A9/", port: port)
            #expect(encoded.status == 200 && encoded.body == "<h1>Été</h1>")
        }
    }

    @Test func missingPagesAndPathsOutsideTheBasePathGetTheSites404Page() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            for target in ["/papers/nothing/", "/", "/index.html", "/papers/days/2026-11-21/"] {
                let response = try await RawHTTP.get(target, port: port)
                #expect(response.status == 404, "\(target)")
                #expect(response.body == "<h1>Nothing here</h1>", "\(target)")
                #expect(response.header("Content-Type") == "text/html; charset=utf-8")
            }
        }
    }

    @Test func requestsThatTryToLeaveTheSiteNeverGetAFile() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            let attempts = ["/../etc/passwd", "/papers/../../etc/passwd", "/papers/%2e%2e/%2e%2e/etc/passwd",
                            "/papers/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/papers/assets/..%2f..%2fsecret.txt",
                            "/papers/./index.html", "/papers/%00", "/papers/%zz", "/papers/%C3", "*"]
            for target in attempts {
                let response = try await RawHTTP.get(target, port: port)
                #expect(response.status == 400 || response.status == 404, "\(target) got \(response.status)")
                #expect(!response.body.contains("root:") && !response.body.contains("secret"), "\(target)")
            }
            let bad = try await RawHTTP.get("/papers/%2e%2e/secret.txt", port: port)
            #expect(bad.status == 400)
            let leak = try await RawHTTP.get("/papers/assets/leak.txt", port: port)
            #expect(leak.status == 404)
            #expect(!leak.body.contains("secret"))
        }
    }

    @Test func liveReloadStreamsHelloReloadErrorsAndTheirClearing() async throws {
        let fixture = try Fixture()
        let reload = LiveReload(serverID: "test")
        try await withServer(fixture.store, reload) { port in
            let connection = try await blocking { try RawConnection(port: port) }
            connection.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let hello = (try await blocking { connection.read(until: "data: test-0\n\n") })
            #expect(hello.contains("content-type: text/event-stream") || hello.contains("Content-Type: text/event-stream"))
            #expect(hello.contains("retry: 1000\nevent: hello\ndata: test-0\n\n"))
            while reload.clientCount == 0 { try await Task.sleep(for: .milliseconds(5)) }

            reload.publishError("content/papers/x.md:3:8: 'upvotes' must be a whole number\nsecond line")
            let error = (try await blocking { connection.read(until: "second line\n\n") })
            #expect(error.contains("event: build-error\ndata: content/papers/x.md:3:8: 'upvotes' must be a whole number\ndata: second line\n\n"))

            reload.publishReload()
            #expect((try await blocking { connection.read(until: "data: 1\n\n") }).contains("event: reload\ndata: 1\n\n"))

            // A page that connects while an error is shown gets it at once.
            reload.publishError("templates/day.mustache:4:1: template error: section is not closed")
            let late = try await blocking { try RawConnection(port: port) }
            late.send("GET \(LiveReload.eventsPath) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect((try await blocking { late.read(until: "not closed\n\n") }).contains("event: build-error\ndata: templates/day.mustache:4:1: template error: section is not closed\n\n"))
            reload.publishOK()
            #expect((try await blocking { late.read(until: "build-ok") }).contains("event: build-ok\n"))
        }
    }

    @Test func aTakenPortIsReportedClearly() async throws {
        let fixture = try Fixture()
        try await withServer(fixture.store) { port in
            #expect(throws: PreviewError.portInUse(host: "127.0.0.1", port: port)) {
                try PreviewServer.checkAvailable(host: "127.0.0.1", port: port)
            }
            await #expect(throws: PreviewError.portInUse(host: "127.0.0.1", port: port)) {
                try await PreviewServer(port: port, store: fixture.store, reload: LiveReload()).run(handleSignals: false)
            }
            #expect(PreviewError.portInUse(host: "127.0.0.1", port: 8000).description
                == "port 8000 on 127.0.0.1 is already in use: stop the other server or choose another port with --port")
        }
    }
}
