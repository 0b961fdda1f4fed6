import DaybookContent
import Foundation
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSite

@Suite struct RSSFeedWriterTests {
    let config = SiteConfig(title: "Papers & Co", description: "Daily <papers>", baseURL: "https://example.org/sub/")

    func views() -> [PaperView] {
        let routes = Routes(config: config)
        var first = Paper(id: "2405.01234", title: "Attention & <Friends>", authors: ["Ada Lovelace", "Alan Turing"],
                          day: day("2026-11-20"), upvotes: 42, tags: ["llm"], summary: "One \"line\".")
        first.links.code = "https://github.com/example/code?a=1&b=2"
        let second = Paper(id: "my-slug", title: "Second", authorCount: 6, day: day("2026-11-19"))
        return [
            PaperView(paper: first, titleHTML: "", abstractHTML: "<p>See <a href=\"https://example.org/sub/x\">x</a> &amp; more.</p>",
                      excerpt: "", hasMath: false, routes: routes),
            PaperView(paper: second, titleHTML: "", abstractHTML: "", excerpt: "", hasMath: false, routes: routes),
        ]
    }

    @Test func matchesTheGoldenFeed() throws {
        let feed = RSSFeedWriter(config: config, routes: Routes(config: config)).write(views(), selfPath: "/sub/feed.xml")
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/feed.xml")
        if ProcessInfo.processInfo.environment["DAYBOOK_UPDATE_GOLDEN"] != nil {
            try Data(feed.utf8).write(to: golden)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(feed == expected)
    }

    @Test func escapesItemHTMLExactlyOnce() {
        let feed = RSSFeedWriter(config: config, routes: Routes(config: config)).write(views(), selfPath: "/sub/feed.xml")
        #expect(feed.contains("&lt;a href=&quot;https://example.org/sub/x&quot;&gt;x&lt;/a&gt; &amp;amp; more."))
        #expect(!feed.contains("&amp;amp;amp;"))
        #expect(feed.contains("<title>Attention &amp; &lt;Friends&gt;</title>"))
    }

    @Test func usesStableAbsoluteGuidsAndContentDates() {
        let feed = RSSFeedWriter(config: config, routes: Routes(config: config)).write(views(), selfPath: "/sub/feed.xml")
        #expect(feed.contains("<guid isPermaLink=\"true\">https://example.org/sub/papers/2405.01234/</guid>"))
        #expect(feed.contains("<lastBuildDate>Fri, 20 Nov 2026 00:00:00 +0000</lastBuildDate>"))
        #expect(feed.contains("<pubDate>Thu, 19 Nov 2026 00:00:00 +0000</pubDate>"))
        #expect(feed.contains("<atom:link href=\"https://example.org/sub/feed.xml\" rel=\"self\""))
    }

    @Test func anEmptyFeedIsStillAChannel() {
        let feed = RSSFeedWriter(config: config, routes: Routes(config: config)).write([], selfPath: "/sub/feed.xml")
        #expect(feed.contains("<channel>"))
        #expect(!feed.contains("<item>"))
        #expect(!feed.contains("lastBuildDate"))
    }
}
