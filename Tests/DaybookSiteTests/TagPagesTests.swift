import DaybookContent
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSite

/// A tag's head and numbered pages as rendered: what each shows, the links between them, that a
/// numbered page does not change when newer papers arrive, and the Chinese wording.
@Suite struct TagPagesTests {
    /// Seven llm papers over four days, two a page. Newest first: 6, 7 (Nov 20), 4, 5 (Nov 19),
    /// 2, 3 (Nov 18), 1 (Nov 17); page 1 holds the oldest two (3, 1), page 2 the next (5, 2), the
    /// head the newest three.
    static let papers = [Reader.paper("2405.00001", day: "2026-11-17", upvotes: 1, tags: ["llm"]),
                         Reader.paper("2405.00002", day: "2026-11-18", upvotes: 5, tags: ["llm"]),
                         Reader.paper("2405.00003", day: "2026-11-18", upvotes: 2, tags: ["llm"]),
                         Reader.paper("2405.00004", day: "2026-11-19", upvotes: 4, tags: ["llm"]),
                         Reader.paper("2405.00005", day: "2026-11-19", upvotes: 3, tags: ["llm"]),
                         Reader.paper("2405.00006", day: "2026-11-20", upvotes: 9, tags: ["llm"]),
                         Reader.paper("2405.00007", day: "2026-11-20", upvotes: 1, tags: ["llm"])]
    static let newDay = [Reader.paper("2405.00008", day: "2026-11-21", upvotes: 2, tags: ["llm"]),
                         Reader.paper("2405.00009", day: "2026-11-21", upvotes: 1, tags: ["llm"])]

    static func pages(_ papers: [Paper], language: String = "en") throws -> [String: String] {
        var config = Reader.config
        config.language = language
        let (library, views) = Reader.views(papers, routes: Routes(config: config))
        let theme = try ThemeLoader(siteRoot: "/nonexistent").load(name: "default", language: language)
        let renderer = SiteRenderer(config: config, library: library, views: views, theme: theme)
        return renderer.renderPages().filter { $0.key.hasPrefix("tags/llm/") }.mapValues { String(decoding: $0, as: UTF8.self) }
    }

    /// The ids of the papers a page lists, in order.
    static func ids(_ html: String) -> [String] {
        html.components(separatedBy: "href=\"/sub/papers/papers/").dropFirst().map { String($0.prefix(10)) }
            .reduce(into: []) { if $0.last != $1 { $0.append($1) } }
    }

    @Test func theHeadShowsTheNewestWithTotalsAndListsEveryNumberedPage() throws {
        let pages = try TagPagesTests.pages(TagPagesTests.papers)
        #expect(Set(pages.keys) == ["tags/llm/index.html", "tags/llm/page/1/index.html", "tags/llm/page/2/index.html"])
        let head = try #require(pages["tags/llm/index.html"])
        #expect(TagPagesTests.ids(head).prefix(3) == ["2405.00006", "2405.00007", "2405.00004"])
        #expect(head.contains("<title>Papers tagged “llm” · Reader &amp; Papers</title>"))
        #expect(head.contains("<p class=\"lede\">7 papers, newest first: the newest 3 papers here, older ones on 2 pages listed below. "))
        #expect(head.contains("<a class=\"next\" rel=\"next\" href=\"/sub/papers/tags/llm/page/2/\">Older papers →</a>"))
        #expect(!head.contains("rel=\"prev\"") && !head.contains("class=\"page-count\""))
        #expect(head.contains("""
            <h2 id="pages-heading">Older papers</h2>
            <ul class="page-list">
            <li><a href="/sub/papers/tags/llm/page/2/">Page 2</a> <span class="count">Nov 18, 2026 – Nov 19, 2026</span></li>
            <li><a href="/sub/papers/tags/llm/page/1/">Page 1</a> <span class="count">Nov 17, 2026 – Nov 18, 2026</span></li>
            </ul>
            """))
    }

    @Test func aNumberedPageLinksItsNeighboursAndShowsNoTotals() throws {
        let pages = try TagPagesTests.pages(TagPagesTests.papers)
        let first = try #require(pages["tags/llm/page/1/index.html"])
        #expect(TagPagesTests.ids(first) == ["2405.00003", "2405.00001"])
        #expect(first.contains("<title>Papers tagged “llm” (page 1) · Reader &amp; Papers</title>"))
        #expect(first.contains("<meta name=\"description\" content=\"Papers tagged llm featured Nov 17, 2026 – Nov 18, 2026, newest first (page 1).\">"))
        #expect(first.contains("<link rel=\"canonical\" href=\"https://example.org/sub/papers/tags/llm/page/1/\">"))
        #expect(first.contains("<p class=\"lede\">Papers featured Nov 17, 2026 – Nov 18, 2026, newest first. "))
        #expect(first.contains(" · <a href=\"/sub/papers/tags/llm/\">Newest papers</a> · "))
        #expect(first.contains("<a class=\"prev\" rel=\"prev\" href=\"/sub/papers/tags/llm/page/2/\">← Newer papers</a>"))
        #expect(first.contains("<span class=\"page-count\">Page 1</span>"))
        #expect(!first.contains("rel=\"next\"") && !first.contains("7 papers") && !first.contains("pages-heading"))
        let second = try #require(pages["tags/llm/page/2/index.html"])
        #expect(TagPagesTests.ids(second) == ["2405.00005", "2405.00002"])
        #expect(second.contains("<a class=\"prev\" rel=\"prev\" href=\"/sub/papers/tags/llm/\">← Newer papers</a>"))
        #expect(second.contains("<a class=\"next\" rel=\"next\" href=\"/sub/papers/tags/llm/page/1/\">Older papers →</a>"))
    }

    /// A new day of two papers fills page 3: page 1 is the same to the byte, page 2 changes only
    /// its newer link, and nothing else on the site names a numbered page's total.
    @Test func newerPapersLeaveFullPagesAlone() throws {
        let before = try TagPagesTests.pages(TagPagesTests.papers)
        let after = try TagPagesTests.pages(TagPagesTests.papers + TagPagesTests.newDay)
        #expect(after["tags/llm/page/1/index.html"] == before["tags/llm/page/1/index.html"])
        let second = try #require(before["tags/llm/page/2/index.html"])
        #expect(after["tags/llm/page/2/index.html"] == second.replacingOccurrences(
            of: "rel=\"prev\" href=\"/sub/papers/tags/llm/\"", with: "rel=\"prev\" href=\"/sub/papers/tags/llm/page/3/\""))
        let third = try #require(after["tags/llm/page/3/index.html"])
        #expect(TagPagesTests.ids(third) == ["2405.00007", "2405.00004"])
        #expect(TagPagesTests.ids(try #require(after["tags/llm/index.html"])).prefix(3) == ["2405.00008", "2405.00009", "2405.00006"])
    }

    @Test func eachPageIsInTheSitemapWithTheDayOfItsNewestPaper() throws {
        let renderer = try Reader.renderer(TagPagesTests.papers)
        let lastmod = Dictionary(uniqueKeysWithValues: renderer.pageJobs().map { ($0.path, $0.lastmod) })
        #expect(lastmod["tags/llm/index.html"] == Reader.day("2026-11-20"))
        #expect(lastmod["tags/llm/page/2/index.html"] == Reader.day("2026-11-19"))
        #expect(lastmod["tags/llm/page/1/index.html"] == Reader.day("2026-11-18"))
    }

    @Test func chinesePagesSayItInChinese() throws {
        let pages = try TagPagesTests.pages(TagPagesTests.papers, language: "zh")
        let head = try #require(pages["tags/llm/index.html"])
        #expect(head.contains("共 7 篇论文，最新的在前：本页为最新的 3 篇论文，更早的论文分在下方列出的 2 页中。"))
        #expect(head.contains(">较早的论文 →</a>") && head.contains("<h2 id=\"pages-heading\">更早的论文</h2>"))
        #expect(head.contains("<a href=\"/sub/papers/tags/llm/page/1/\">第 1 页</a> <span class=\"count\">2026年11月17日至2026年11月18日</span>"))
        let first = try #require(pages["tags/llm/page/1/index.html"])
        #expect(first.contains("<title>标签“llm”下的论文（第 1 页） · Reader &amp; Papers</title>"))
        #expect(first.contains("2026年11月17日至2026年11月18日精选的论文，最新的在前。"))
        #expect(first.contains(">← 较新的论文</a>") && first.contains(">最新论文</a>"))
    }
}
