import DaybookContent
import Foundation
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// Feed writers given the theme's Chinese strings write their own words in Chinese; by default
/// (`FeedText.english`) they write what they always did (the other feed suites and the golden feed).
@Suite struct FeedTextTests {
    static func chinese() throws -> FeedText {
        FeedText(try ThemeLoader(siteRoot: "/nonexistent").load(name: "default", language: "zh").strings)
    }

    @Test func theDigestSpeaksTheSiteLanguage() throws {
        let (library, views) = Reader.views([
            Reader.paper("a", day: "2026-11-20", upvotes: 3, authors: ["A", "B", "C", "D", "E"]),
            Reader.paper("b", day: "2026-11-20", upvotes: 9),
        ])
        let days = library.days.map { day in (day: day, papers: library.papersByDay[day]!.map { views[$0] }) }
        let feed = DigestFeedWriter(config: Reader.config, routes: Reader.routes, text: try Self.chinese()).write(days)
        #expect(feed.contains("<title>Reader &amp; Papers：每日摘要</title>"))
        #expect(feed.contains("<description>每天一条，列出Reader &amp; Papers当天的论文。</description>"))
        #expect(feed.contains("<title>2026年11月20日的论文（2 篇论文）</title>"))
        #expect(feed.contains("Paper b&lt;/a&gt; · Ada Lovelace · 9 个赞"))
        #expect(feed.contains("A, B, C 等（共 5 位作者） · 3 个赞"))
    }

    @Test func itemLinksAndCountsSpeakTheSiteLanguage() throws {
        var paper = Reader.paper("2405.01234", upvotes: 7, authors: [])
        paper.authorCount = 6
        paper.links.code = "https://github.com/a/b"
        let (_, views) = Reader.views([paper])
        let rss = RSSFeedWriter(config: Reader.config, routes: Reader.routes, text: try Self.chinese())
        #expect(rss.itemHTML(views[0]).hasSuffix("\n<p><a href=\"https://arxiv.org/abs/2405.01234\">arXiv</a> · <a href=\"https://arxiv.org/pdf/2405.01234\">PDF</a> · <a href=\"https://github.com/a/b\">代码</a> · 7 个赞</p>"))
        #expect(rss.write(views, selfPath: "/feed.xml").contains("<dc:creator>6 位作者</dc:creator>"))
        let english = RSSFeedWriter(config: Reader.config, routes: Reader.routes)
        #expect(english.itemHTML(views[0]).hasSuffix("\">Code</a> · 7 upvotes</p>"))
        #expect(english.write(views, selfPath: "/feed.xml").contains("<dc:creator>6 authors</dc:creator>"))
        let atom = AtomFeedWriter(config: Reader.config, routes: Reader.routes, text: try Self.chinese())
        #expect(atom.write(views, selfPath: "/atom.xml").contains("代码&lt;/a&gt; · 7 个赞"))
    }

    @Test func aTagFeedIsNamedInTheSiteLanguage() throws {
        #expect(try Self.chinese().tagFeed(site: "每日论文", tag: "LLM") == ("每日论文：LLM", "每日论文上标签“LLM”下的论文。"))
        #expect(FeedText.english.tagFeed(site: "Daily", tag: "LLM") == ("Daily: LLM", "Papers tagged LLM on Daily."))
    }
}
