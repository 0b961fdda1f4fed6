import DaybookContent
import Foundation
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// Whole sites rendered in memory: the archive, week, month, tag and search pages, paper page
/// extras, feeds, sitemap and math assets, under a base URL with a subpath.
@Suite struct ReaderPagesTests {
    static let config = """
        title: "Reader & Papers"
        base_url: "https://example.org/sub/papers/"
        per_page: 2
        """

    func makeSite(math: Bool = true) -> Reader.Site {
        Reader.Site(config: ReaderPagesTests.config, papers: [
            "2026-11-20/2405.00001.md": Reader.record("2405.00001", day: "2026-11-20", upvotes: 9, tags: ["llm", "rl"],
                                                      abstract: math ? "We bound $x^2 < y$." : "No math."),
            "2026-11-20/2405.00002.md": Reader.record("2405.00002", day: "2026-11-20", upvotes: 3, tags: ["llm"]),
            "2026-11-19/2405.00003.md": Reader.record("2405.00003", day: "2026-11-19", upvotes: 5, tags: ["llm"]),
            "2026-10-30/2405.00004.md": Reader.record("2405.00004", day: "2026-10-30", tags: ["Vision Language"]),
        ])
    }

    func render(_ site: Reader.Site, katex: String = MathAssets.defaultDirectory) throws -> SiteBuilder.Result {
        var options = BuildOptions(siteRoot: site.path)
        options.katexDirectory = katex
        return try SiteBuilder(options: options).render()
    }

    @Test func writesEveryPageAndFeedOfTheURLTable() throws {
        let site = makeSite()
        defer { site.remove() }
        let files = try render(site).site.files
        for path in ["index.html", "404.html", "archive/index.html", "days/2026-11-20/index.html",
                     "weeks/2026-W47/index.html", "weeks/2026-W44/index.html", "months/2026-11/index.html",
                     "months/2026-10/index.html", "tags/index.html", "tags/llm/index.html",
                     "tags/vision-language/index.html", "search/index.html", "papers/2405.00001/index.html",
                     "feed.xml", "atom.xml", "feed.json", "days/feed.xml", "tags/llm/feed.xml",
                     "sitemap.xml", "robots.txt", "search/index/meta.json", "search/index/docs/0.json",
                     "assets/site.js", "assets/search.js", "assets/search.min.js", "assets/search-engine.js",
                     "assets/search-engine.min.js", "assets/math.js"] {
            #expect(files[path] != nil, "missing \(path)")
        }
        // llm's 3 papers are fewer than two pages of 2: all on its own page, no numbered page.
        #expect(files["tags/llm/page/1/index.html"] == nil)
    }

    @Test func everyLinkAndAssetHonoursTheBasePath() throws {
        let site = makeSite()
        defer { site.remove() }
        let result = try render(site)
        let pattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
        for (path, _) in result.site.files where path.hasSuffix(".html") {
            let html = try #require(Reader.text(result.site, path))
            for match in pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let url = String(html[Range(match.range(at: 1), in: html)!])
                #expect(url.hasPrefix("/sub/papers/") || url.hasPrefix("https://") || url.hasPrefix("#"),
                        "\(path) links to \(url)")
            }
        }
    }

    @Test func thePaperPageHasCardsJSONLDBibTeXAndRelatedPapers() throws {
        let site = makeSite()
        defer { site.remove() }
        let html = try #require(Reader.text(try render(site).site, "papers/2405.00001/index.html"))
        #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/sub/papers/papers/2405.00001/\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"article\">"))
        #expect(html.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        #expect(html.contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"ScholarlyArticle\""))
        #expect(html.contains("\"isPartOf\":{\"@type\":\"WebSite\",\"name\":\"Reader \\u0026 Papers\""))
        #expect(html.contains("@misc{lovelace2026paper,"))
        #expect(html.contains("<button type=\"button\" class=\"button copy\" data-copy=\"bibtex\" hidden>Copy BibTeX</button>"))
        #expect(html.contains("<h2 id=\"related-heading\">Related papers</h2>"))
        #expect(html.contains("<a href=\"/sub/papers/papers/2405.00003/\">Paper 2405.00003</a>"))
    }

    @Test func everyPageAnnouncesTheFeedsAndTagPagesTheirOwn() throws {
        let site = makeSite()
        defer { site.remove() }
        let result = try render(site)
        let home = try #require(Reader.text(result.site, "index.html"))
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Reader &amp; Papers (Atom)\" href=\"/sub/papers/atom.xml\">"))
        #expect(home.contains("<link rel=\"alternate\" type=\"application/feed+json\" title=\"Reader &amp; Papers (JSON Feed)\" href=\"/sub/papers/feed.json\">"))
        let tag = try #require(Reader.text(result.site, "tags/llm/index.html"))
        #expect(tag.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Reader &amp; Papers: llm (RSS)\" href=\"/sub/papers/tags/llm/feed.xml\">"))
        #expect(tag.contains("<p class=\"lede\">3 papers, newest first. <a href=\"/sub/papers/tags/llm/feed.xml\">") && !tag.contains("class=\"pager\""))
    }

    @Test func weekAndMonthPagesLinkToTheirNeighbours() throws {
        let site = makeSite()
        defer { site.remove() }
        let result = try render(site)
        let month = try #require(Reader.text(result.site, "months/2026-11/index.html"))
        #expect(month.contains("<h1>Top papers of November 2026</h1>"))
        #expect(month.contains("<a class=\"prev\" rel=\"prev\" href=\"/sub/papers/months/2026-10/\">← October 2026</a>"))
        let archive = try #require(Reader.text(result.site, "archive/index.html"))
        #expect(archive.contains("<h2 id=\"month-2026-11\"><a href=\"/sub/papers/months/2026-11/\">November 2026</a> <span class=\"count\">3 papers</span></h2>"))
    }

    @Test func theSitemapListsEveryPageButThe404() throws {
        let site = makeSite()
        defer { site.remove() }
        let result = try render(site)
        let sitemap = try #require(Reader.text(result.site, "sitemap.xml"))
        let pages = result.site.files.keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(sitemap.components(separatedBy: "<url>").count - 1 == pages.count)
        #expect(sitemap.contains("<url><loc>https://example.org/sub/papers/days/2026-11-19/</loc><lastmod>2026-11-19</lastmod></url>"))
        #expect(!sitemap.contains("404"))
    }

    @Test func copiesKaTeXOnlyWhenAPageHasMath() throws {
        let site = makeSite(math: true)
        defer { site.remove() }
        let result = try render(site)
        #expect(result.site.files["assets/katex/katex.min.js"] != nil)
        #expect(result.site.files["assets/katex/fonts/KaTeX_Main-Regular.woff2"] != nil)
        #expect(result.site.files["assets/katex/fonts/KaTeX_Main-Regular.ttf"] == nil)
        let paper = try #require(Reader.text(result.site, "papers/2405.00001/index.html"))
        #expect(paper.contains("<script defer src=\"/sub/papers/assets/katex/katex.min.js\"></script>"))
        let other = try #require(Reader.text(result.site, "papers/2405.00002/index.html"))
        #expect(!other.contains("katex"))

        let plain = makeSite(math: false)
        defer { plain.remove() }
        #expect(try render(plain).site.files.keys.allSatisfy { !$0.contains("katex") })
    }

    @Test("KaTeX's style sheet names only fonts the site ships (no dangling .woff or .ttf references)")
    func kaTeXStyleSheetNamesOnlyShippedFonts() throws {
        let site = makeSite(math: true)
        defer { site.remove() }
        let result = try render(site)
        let css = try #require(Reader.text(result.site, "assets/katex/katex.min.css"))
        var named: [String] = []
        var rest = css[...]
        while let open = rest.range(of: "url(") {
            let close = try #require(rest[open.upperBound...].firstIndex(of: ")"))
            named.append(String(rest[open.upperBound..<close]))
            rest = rest[close...]
        }
        #expect(named.count >= 20)
        let missing = named.filter { result.site.files["assets/katex/" + $0] == nil }
        #expect(missing.isEmpty, "named but not shipped: \(missing.prefix(5))")
        #expect(css.contains("format('woff2')") && !css.contains(".ttf") && !css.contains(".woff)"))
    }

    @Test func keepsSourceListEntriesWithoutURLsAndNeverEmptiesAList() {
        let css = "@font-face{src:local(X),url(fonts/a.woff2) format('woff2'),url(fonts/a.ttf);x:1}"
            + "@font-face{src:url(fonts/b.ttf)}"
        #expect(MathAssets.onlyShippedFonts(css, shipped: ["fonts/a.woff2"])
                == "@font-face{src:local(X),url(fonts/a.woff2) format('woff2');x:1}@font-face{src:url(fonts/b.ttf)}")
    }

    @Test func withoutKaTeXTheBuildWarnsAndLeavesMathAsTeX() throws {
        let site = makeSite(math: true)
        defer { site.remove() }
        let result = try render(site, katex: "/nonexistent/katex")
        #expect(result.report.warnings.map(\.description) == [
            "/nonexistent/katex: warning: KaTeX not found (install libjs-katex or set DAYBOOK_KATEX): math is shown as TeX",
        ])
        let paper = try #require(Reader.text(result.site, "papers/2405.00001/index.html"))
        #expect(!paper.contains("katex"))
        #expect(paper.contains("\\(x^2 &lt; y\\)"))
    }

    @Test func anEmptySiteStillHasItsArchiveTagsSearchAndEmptyFeeds() throws {
        let site = Reader.Site(config: ReaderPagesTests.config, papers: [:])
        defer { site.remove() }
        let result = try render(site)
        let archive = try #require(Reader.text(result.site, "archive/index.html"))
        #expect(archive.contains("0 days, 0 papers.</p>"))
        #expect(!archive.contains("#weeks"))
        #expect(result.site.files["tags/index.html"] != nil && result.site.files["search/index.html"] != nil)
        #expect(Reader.text(result.site, "feed.json")?.contains("\"items\": []") == true)
        #expect(result.site.files.keys.allSatisfy { !$0.hasPrefix("weeks/") && !$0.hasPrefix("months/") })
    }

    @Test func twoBuildsOfTheSameInputAreIdentical() throws {
        let site = makeSite()
        defer { site.remove() }
        let first = try render(site).site
        let second = try render(site).site
        #expect(first.files == second.files)
    }
}
