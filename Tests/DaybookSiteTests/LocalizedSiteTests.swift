import DaybookContent
import Foundation
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// The valid fixture site built in English (byte for byte as before interface text moved to
/// `Themes/default/i18n/`) and in Chinese (`language: zh`).
@Suite struct LocalizedSiteTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let fixture = repository.appendingPathComponent("Tests/Fixtures/valid-site").path
    static let golden = repository.appendingPathComponent("Tests/DaybookSiteTests/Golden/valid-site-en").path

    /// The fixture site in a temporary folder, its `daybook.yml` edited by `config`.
    static func site(_ config: (String) -> String = { $0 }) throws -> TemporaryDirectory {
        let temp = TemporaryDirectory()
        try FileManager.default.copyItem(atPath: fixture + "/content", toPath: temp.path + "/content")
        temp.write("daybook.yml", config(try String(contentsOfFile: fixture + "/daybook.yml", encoding: .utf8)))
        return temp
    }

    static func render(_ temp: TemporaryDirectory) throws -> RenderedSite {
        var options = BuildOptions(siteRoot: temp.path)
        options.katexDirectory = "/usr/share/javascript/katex"  // as the golden files were made (libjs-katex)
        return try SiteBuilder(options: options).render().site
    }

    /// The golden pages were written by the build before the move (Swift strings); English must not change a byte.
    @Test func englishPagesMatchTheGoldenFiles() throws {
        try #require(FileManager.default.fileExists(atPath: "/usr/share/javascript/katex/katex.min.js"), "libjs-katex is needed")
        let temp = try Self.site()
        defer { temp.cleanup() }
        let site = try Self.render(temp)
        let files = FileManager.default.enumerator(atPath: Self.golden)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".html") }
        #expect(files.count == 11)
        for file in files.sorted() {
            let expected = try String(contentsOfFile: Self.golden + "/" + file, encoding: .utf8)
            #expect(Reader.text(site, file) == expected, "\(file) differs from its golden file")
        }
    }

    @Test func aChineseSiteHasChineseTitlesDatesAndCounts() throws {
        let temp = try Self.site { $0.replacingOccurrences(of: "language: en", with: "language: zh") }
        defer { temp.cleanup() }
        let site = try Self.render(temp)
        func page(_ path: String) throws -> String { try #require(Reader.text(site, path), "\(path)") }
        let day = try page("days/2026-11-20/index.html")
        #expect(day.contains("<html lang=\"zh\">"))
        #expect(day.contains("<title>2026年11月20日的论文 · Fixture Papers</title>"))
        #expect(day.contains("<meta name=\"description\" content=\"2026年11月20日精选的 3 篇论文。\">"))
        #expect(day.contains("<h1><time datetime=\"2026-11-20\">2026年11月20日</time>的论文</h1>\n<p class=\"lede\">共 3 篇论文，按点赞数排序。</p>"))
        #expect(day.contains(">本周热门论文</a> · "))
        #expect(day.contains(">2026年11月热门论文</a> · "))
        #expect(day.contains("<a class=\"prev\" rel=\"prev\" href=\"/papers/days/2025-09-08/\">← 2025年9月8日</a>"))
        #expect(day.contains("<li><a href=\"/papers/\">最新</a></li>\n<li><a href=\"/papers/archive/\">归档</a></li>"))
        #expect(day.contains("title=\"Fixture Papers：每日摘要（RSS）\""))
        #expect(day.contains("<p>订阅：<a href=\"/papers/feed.xml\">RSS</a>"))
        #expect(day.contains("<span class=\"visually-hidden\"> 个赞</span>"))
        // The search script speaks the site's language too: its messages come from the page.
        let search = try page("search/index.html")
        #expect(search.contains("&quot;searching&quot;:[&quot;正在搜索…&quot;,&quot;正在搜索…&quot;]"))
        #expect(search.contains("&quot;papers&quot;:[&quot;{count} 篇论文&quot;"))
        #expect(!search.contains("Searching…"))
        let home = try page("index.html")
        #expect(home.contains("<p class=\"lede\">今日精选 3 篇论文。<a href=\"/papers/days/2026-11-20/\">本日固定链接</a>。</p>"))
        let week = try page("weeks/2026-W47/index.html")
        #expect(week.contains("<title>2026年第47周（11月16日–11月22日） · Fixture Papers</title>"))
        #expect(week.contains("<p class=\"lede\">本周精选 3 篇论文，按点赞数排序。</p>"))
        #expect(week.contains("<nav class=\"pager\" aria-label=\"其他周\">"))
        #expect(try page("months/2026-11/index.html").contains("<h1>2026年11月热门论文</h1>"))
        let archive = try page("archive/index.html")
        #expect(archive.contains("<p class=\"lede\">共 3 天，7 篇论文。跳转到<a href=\"#weeks\">按周浏览</a>。</p>"))
        #expect(archive.contains("<time datetime=\"2003-07-08\">2003年7月8日</time></a> <span class=\"count\">1 篇论文</span>"))
        let paper = try page("papers/2509.03311/index.html")
        #expect(paper.contains("这篇论文已于 <time datetime=\"2025-09-10\">2025年9月10日</time> 撤回。"))
        #expect(paper.contains("<div><dt>发表日期</dt><dd><time datetime=\"2025-09-03\">2025年9月3日</time></dd></div>"))
        let tag = try page("tags/llm/index.html")
        #expect(tag.contains("<h1>标签“LLM”下的论文</h1>"))
        #expect(tag.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Fixture Papers：LLM（RSS）\""))
        #expect(try page("tags/index.html").contains("<p class=\"lede\">共 4 个标签，每个标签都有自己的论文列表和订阅源。</p>"))
        #expect(try page("search/index.html").contains("<label for=\"search-input\">按标题、作者、标签、arXiv 编号或摘要中的词语搜索 7 篇论文</label>"))
        #expect(try page("404.html").contains("<title>页面不存在 · Fixture Papers</title>"))
        // No English left in the interface text of a page (content, feed format names and arXiv/PDF aside).
        for english in ["Papers of", "Archive", "Latest", "Search", "featured", "upvotes<", "Subscribe", "Tags<"] {
            #expect(!day.contains(english), "\(english)")
        }
    }

    /// `zh-CN` has no file of its own in the default theme and uses `zh.yml`; a site's own
    /// `i18n/zh.yml` rewords single keys and keeps the theme's others.
    @Test func aRegionalTagUsesItsLanguageAndTheSiteOverridesSingleKeys() throws {
        let temp = try Self.site { $0.replacingOccurrences(of: "language: en", with: "language: zh-CN") }
        defer { temp.cleanup() }
        temp.write("i18n/zh.yml", "nav:\n  latest: 今日\n")
        let day = try #require(Reader.text(try Self.render(temp), "days/2026-11-20/index.html"))
        #expect(day.contains("<html lang=\"zh-CN\">"))
        #expect(day.contains("<li><a href=\"/papers/\">今日</a></li>\n<li><a href=\"/papers/archive/\">归档</a></li>"))
    }

    @Test func everyLanguageFileOfTheDefaultThemeHasEveryKey() throws {
        for language in ["en", "zh"] {
            let theme = try ThemeLoader(siteRoot: "/nonexistent").load(name: "default", language: language)
            #expect(theme.strings.language == language)
        }
    }
}
