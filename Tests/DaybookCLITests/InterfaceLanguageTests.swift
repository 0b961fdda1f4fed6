import Foundation
import Testing

/// `language` in daybook.yml selects the theme's interface strings (`Themes/<theme>/i18n/`), and
/// a missing key or language file fails the build with a message naming it.
@Suite("daybook build in another language, run as a user runs it")
struct InterfaceLanguageTests {
    let helpers = BuildCommandTests()

    /// A built English site whose theme is a copy of the default one in `Themes/mine`, so a test
    /// can break the copy's strings.
    func siteWithOwnTheme() throws -> (SiteFolder, [String: Data]) {
        let (site, before) = try helpers.builtSite()
        try FileManager.default.createDirectory(atPath: site.url("Themes"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: SiteFolder.repositoryRoot + "/Themes/default", toPath: site.url("Themes/mine"))
        site.write("daybook.yml", "title: Test\nbase_url: https://example.org/papers/\nlanguage: zh\ntheme: mine\n")
        return (site, before)
    }

    func removeLine(_ line: String, from relative: String, in site: SiteFolder) throws {
        let text = try #require(site.read(relative))
        #expect(text.contains(line + "\n"))
        site.write(relative, text.replacingOccurrences(of: line + "\n", with: ""))
    }

    @Test("language: zh builds Chinese pages")
    func buildsChinesePages() throws {
        let site = SiteFolder()
        defer { site.remove() }
        site.write("daybook.yml", "title: 每日论文\nbase_url: https://example.org/papers/\nlanguage: zh\n")
        site.write("content/papers/2026-11-20/2405.01234.md", BuildCommandTests.validRecord)
        let result = try site.daybook("build")
        #expect(result.status == 0, "\(result)")
        let day = try #require(site.read("site/days/2026-11-20/index.html"))
        #expect(day.contains("<title>2026年11月20日的论文 · 每日论文</title>"))
        #expect(day.contains("<p class=\"lede\">共 1 篇论文，按点赞数排序。</p>"))
        let paper = try #require(site.read("site/papers/2405.01234/index.html"))
        #expect(paper.contains("<div><dt>精选日期</dt><dd><a href=\"/papers/days/2026-11-20/\"><time datetime=\"2026-11-20\">2026年11月20日</time></a></dd></div>"))
    }

    @Test("a key missing from the language file is an error naming the key and the file")
    func missingKey() throws {
        let (site, before) = try siteWithOwnTheme()
        defer { site.remove() }
        try removeLine("  title: \"{date}的论文 · {site}\"", from: "Themes/mine/i18n/zh.yml", in: site)
        helpers.expectFailure(try site.daybook("build"), site, before: before, errors: [
            "Themes/mine/i18n/zh.yml: missing key 'day.title'",
            "build failed: the output folder was not changed",
        ])
    }

    @Test("a key a template reads is required too, and the message names the template")
    func missingTemplateKey() throws {
        let (site, before) = try siteWithOwnTheme()
        defer { site.remove() }
        try removeLine("  latest: \"最新\"", from: "Themes/mine/i18n/zh.yml", in: site)
        helpers.expectFailure(try site.daybook("build"), site, before: before, errors: [
            "Themes/mine/i18n/zh.yml: missing key 'nav.latest' (used by layout.mustache)",
            "build failed: the output folder was not changed",
        ])
    }

    @Test("a language the theme has no file for is an error at the language line, naming the folder")
    func missingLanguageFile() throws {
        let (site, before) = try siteWithOwnTheme()
        defer { site.remove() }
        site.write("daybook.yml", "title: Test\nbase_url: https://example.org/papers/\nlanguage: fr\ntheme: mine\n")
        helpers.expectFailure(try site.daybook("build"), site, before: before, errors: [
            "daybook.yml:3:11: theme 'mine' has no strings for language 'fr': no fr.yml in Themes/mine/i18n (it has en, zh); add one, or a site-wide i18n/fr.yml",
            "build failed: the output folder was not changed",
        ])
    }

    @Test("a language that is not a tag (a path, say) is an error at the language line")
    func languageMustBeATag() throws {
        let (site, before) = try siteWithOwnTheme()
        defer { site.remove() }
        site.write("daybook.yml", "title: Test\nbase_url: https://example.org/papers/\nlanguage: ../../etc\ntheme: mine\n")
        helpers.expectFailure(try site.daybook("build"), site, before: before, errors: [
            "daybook.yml:3:11: 'language' must be a language tag like 'en' or 'zh-CN', got \"../../etc\"",
            "build failed: the output folder was not changed",
        ])
    }

    @Test("a language file that is not valid YAML is an error at its position")
    func invalidLanguageFile() throws {
        let (site, before) = try siteWithOwnTheme()
        defer { site.remove() }
        site.write("i18n/zh.yml", "nav:\n  latest: [最新\n")
        let result = try site.daybook("build")
        helpers.expectFailure(result, site, before: before, errors: result.stderrLines.count == 2 ? result.stderrLines : ["?"])
        #expect(result.stderrLines.first?.hasPrefix("i18n/zh.yml:3:1: invalid YAML") == true, "\(result)")
    }

    @Test("editing a language file, the theme's or the site's, rebuilds the pages (the build cache sees it)")
    func editedStringsRebuild() throws {
        let (site, _) = try siteWithOwnTheme()
        defer { site.remove() }
        #expect(try site.daybook("build").status == 0)
        #expect(site.read("site/index.html")?.contains(">最新</a>") == true)
        let theme = try #require(site.read("Themes/mine/i18n/zh.yml"))
        site.write("Themes/mine/i18n/zh.yml", theme.replacingOccurrences(of: "latest: \"最新\"", with: "latest: \"最近\""))
        Thread.sleep(forTimeInterval: 0.2)  // past the cache's racy-stamp margin
        #expect(try site.daybook("build").status == 0)
        #expect(site.read("site/index.html")?.contains(">最近</a>") == true)
        site.write("i18n/zh.yml", "nav:\n  latest: 今日\n")
        Thread.sleep(forTimeInterval: 0.2)
        let result = try site.daybook("build")
        #expect(result.status == 0, "\(result)")
        #expect(site.read("site/days/2026-11-20/index.html")?.contains(">今日</a>") == true)
    }
}
