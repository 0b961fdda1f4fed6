import DaybookContent
import DaybookPreview
import DaybookSite
import Foundation
import Testing

/// Lines a session logged, for tests.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// The whole loop: a save on disk → watcher → incremental build → swapped site → reload event.
@Suite struct PreviewSessionTests {
    /// Reads live-reload messages from the hub directly, as a page would get them.
    func nextMessage(_ iterator: inout AsyncStream<String>.AsyncIterator, matching prefix: String) async -> String? {
        while let message = await iterator.next() {
            if message.hasPrefix(prefix) { return message }
        }
        return nil
    }

    @Test func aSaveIsServedAndAnnouncedAndABadSaveShowsItsErrorUntilTheNextGoodOne() async throws {
        let site = try TestSite(papers: 6)
        let session = PreviewSession(options: site.options(), origin: "http://127.0.0.1:8000")
        #expect(session.startError == nil)
        try session.startWatching()
        defer { session.stop() }
        let page = "papers/2411.00002/index.html"
        let before = try #require(session.store.site.contents(of: page))
        #expect(String(decoding: before, as: UTF8.self).contains("daybook serve: live reload"))
        var events = session.reload.subscribe().makeAsyncIterator()
        #expect(await nextMessage(&events, matching: "retry: 1000\nevent: hello") != nil)

        var record = TestSite.record(2)
        record.title = "A retitled paper"
        try site.writeRecord(record)
        #expect(await nextMessage(&events, matching: "event: reload") == "event: reload\ndata: 1\n\n")
        let after = String(decoding: try #require(session.store.site.contents(of: page)), as: UTF8.self)
        #expect(after.contains("A retitled paper"))

        let day = try site.read("Themes/default/templates/day.mustache")
        try site.write("Themes/default/templates/day.mustache", day + "{{#broken}}\n")
        let error = try #require(await nextMessage(&events, matching: "event: build-error"))
        #expect(error.hasPrefix("event: build-error\ndata: Themes/default/templates/day.mustache:"))
        #expect(session.store.site.contents(of: page).map { String(decoding: $0, as: UTF8.self) } == after)

        // Another record saved while the template is broken still fails: nothing is half-applied.
        record.title = "Third title"
        try site.writeRecord(record)
        #expect(await nextMessage(&events, matching: "event: build-error") != nil)

        try site.write("Themes/default/templates/day.mustache", day)
        #expect(await nextMessage(&events, matching: "event: reload") == "event: reload\ndata: 2\n\n")
        let fixed = String(decoding: try #require(session.store.site.contents(of: page)), as: UTF8.self)
        #expect(fixed.contains("Third title"))
    }

    @Test("a first build that fails serves an error page and the site as soon as a save fixes it")
    func aFailedFirstBuildIsServedOnceFixed() async throws {
        let site = try TestSite(papers: 3)
        var record = TestSite.record(1)
        let good = record.text
        try site.write(record.relativePath, good.replacingOccurrences(of: "upvotes: ", with: "upvotes: many"))
        let session = PreviewSession(options: site.options(), origin: "http://127.0.0.1:8000")
        try session.startWatching()
        defer { session.stop() }
        let error = try #require(session.startError)
        #expect(error.description.hasPrefix(record.relativePath + ":6:10: 'upvotes' must be a whole number"))
        #expect(session.builder == nil)
        let waiting = String(decoding: try #require(session.store.site.contents(of: "index.html")), as: UTF8.self)
        #expect(waiting.contains("The site did not build") && waiting.contains("daybook serve: live reload"))
        #expect(session.store.site.basePath == "/papers/")
        var events = session.reload.subscribe().makeAsyncIterator()
        #expect(await nextMessage(&events, matching: "retry: 1000\nevent: hello") != nil)
        #expect(await nextMessage(&events, matching: "event: build-error")?.contains("'upvotes' must be a whole number") == true)

        record.title = "Fixed at last"
        try site.writeRecord(record)
        #expect(await nextMessage(&events, matching: "event: reload") != nil)
        #expect(session.builder?.library.papers.count == 3)
        let page = String(decoding: try #require(session.store.site.contents(of: "papers/2411.00001/index.html")), as: UTF8.self)
        #expect(page.contains("Fixed at last"))
    }

    @Test("warnings are recomputed on fast-path saves: an emptied abstract warns, a refilled one clears it")
    func fastPathSavesRecomputeWarnings() async throws {
        let site = try TestSite(papers: 4)
        let lines = LogLines()
        let session = PreviewSession(options: site.options(), origin: "http://127.0.0.1:8000", log: { lines.append($0) })
        #expect(session.builder?.warnings.isEmpty == true)
        var record = TestSite.record(2)
        let abstract = record.abstract
        record.abstract = ""
        try site.writeRecord(record)
        _ = session.apply(SiteChanges(records: [record.relativePath]))
        let warned = try #require(session.builder?.warnings)
        #expect(warned.map(\.description) == ["\(record.relativePath):10:1: warning: empty abstract"])
        #expect(warned == (try ContentLoader(siteRoot: site.root).load().warnings))
        #expect(lines.all.contains("\(record.relativePath):10:1: warning: empty abstract"))
        record.abstract = abstract
        try site.writeRecord(record)
        _ = session.apply(SiteChanges(records: [record.relativePath]))
        #expect(session.builder?.warnings.isEmpty == true)
        #expect(lines.all.last == "1 warning cleared")
    }

    @Test func buildOutputNeverContainsTheReloadScript() throws {
        let site = try TestSite(papers: 2)
        let built = try SiteBuilder(options: site.options()).render().site
        for path in built.files.keys where path.hasSuffix(".html") {
            let html = String(decoding: built.contents(of: path) ?? [], as: UTF8.self)
            #expect(!html.contains(LiveReload.eventsPath), "\(path)")
        }
    }
}
