import DaybookPreview
import DaybookSite
import Foundation
import Testing

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
        let session = try PreviewSession(options: site.options(), origin: "http://127.0.0.1:8000")
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

    @Test func buildOutputNeverContainsTheReloadScript() throws {
        let site = try TestSite(papers: 2)
        let built = try SiteBuilder(options: site.options()).render().site
        for path in built.files.keys where path.hasSuffix(".html") {
            let html = String(decoding: built.contents(of: path) ?? [], as: UTF8.self)
            #expect(!html.contains(LiveReload.eventsPath), "\(path)")
        }
    }
}
