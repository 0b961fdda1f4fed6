import DaybookContent
import Foundation
import Testing
@testable import DaybookSite

/// Whole sites built into a temporary folder, with assertions on the written files.
@Suite struct SiteBuilderTests {
    /// A small site with three papers over two days.
    func makeSite() -> TemporaryDirectory {
        let temp = TemporaryDirectory()
        temp.write("daybook.yml", """
            title: "Test & Papers"
            base_url: "https://example.org/sub/"
            feed_items: 2
            """)
        temp.write("content/papers/2026-11-20/2405.01234.md", """
            ---
            id: "2405.01234"
            title: "Attention <Is> All & Everything"
            authors: [Ada Lovelace, Alan Turing]
            day: 2026-11-20
            published: 2024-05-02
            upvotes: 42
            tags: [llm]
            ---
            We show that $x^2 < y$ and <script>alert(1)</script> is text.

            | a | b |
            |---|---|
            | 1 | 2 |
            """)
        temp.write("content/papers/2026-11-20/slug-paper.md", """
            ---
            id: slug-paper
            title: A Slug Paper
            author_count: 6
            day: 2026-11-20
            upvotes: 50
            ---
            Plain abstract.
            """)
        temp.write("content/papers/2026-11-19/2405.00001.md", """
            ---
            id: "2405.00001"
            title: Yesterday
            day: 2026-11-19
            ---
            Old news.
            """)
        return temp
    }

    func build(_ temp: TemporaryDirectory, output: String = "site") throws -> BuildReport {
        try SiteBuilder(options: BuildOptions(siteRoot: temp.path, output: output)).build()
    }

    @Test func buildsEveryPageAndTheFeed() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        let report = try build(temp)
        #expect(report.records == 3)
        #expect(report.days == 2)
        #expect(report.feedItems == 2)
        let files = temp.files(under: "site")
        for expected in ["index.html", "404.html", "feed.xml", "assets/style.css", "days/2026-11-20/index.html",
                         "days/2026-11-19/index.html", "papers/2405.01234/index.html", "papers/slug-paper/index.html",
                         "papers/2405.00001/index.html"] {
            #expect(files.contains(expected), "missing \(expected)")
        }
    }

    @Test func escapesContentAndFiltersRawHTML() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        _ = try build(temp)
        let page = try #require(temp.read("site/papers/2405.01234/index.html"))
        #expect(page.contains("Attention &lt;Is&gt; All &amp; Everything"))
        #expect(!page.contains("<script>alert(1)</script>"))
        #expect(!page.contains("<Is>"))
        #expect(page.contains("<table>"))
        #expect(page.contains("https://arxiv.org/abs/2405.01234"))
        #expect(page.contains("https://arxiv.org/pdf/2405.01234"))
        #expect(page.contains("Ada Lovelace, Alan Turing"))
        let slug = try #require(temp.read("site/papers/slug-paper/index.html"))
        #expect(slug.contains("6 authors"))
        #expect(!slug.contains("arxiv.org"), "a slug id has no arXiv links")
    }

    @Test func ranksADaysPapersByUpvotesAndLinksNeighbouringDays() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        _ = try build(temp)
        let day = try #require(temp.read("site/days/2026-11-20/index.html"))
        let slugAt = try #require(day.range(of: "A Slug Paper")).lowerBound
        let attentionAt = try #require(day.range(of: "Attention &lt;Is&gt;")).lowerBound
        #expect(slugAt < attentionAt, "50 upvotes before 42")
        #expect(day.contains("href=\"/sub/days/2026-11-19/\""))
        let home = try #require(temp.read("site/index.html"))
        #expect(home.contains("A Slug Paper"))
        #expect(home.contains("href=\"/sub/days/2026-11-19/\""), "home links to earlier days")
    }

    @Test func everyPageLinksTheFeedAndHonoursTheBasePath() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        _ = try build(temp)
        for page in ["site/index.html", "site/404.html", "site/days/2026-11-19/index.html", "site/papers/2405.00001/index.html"] {
            let html = try #require(temp.read(page))
            #expect(html.contains(#"<link rel="alternate" type="application/rss+xml""#), "\(page)")
            #expect(html.contains(#"href="/sub/feed.xml""#), "\(page)")
            #expect(html.contains(#"href="/sub/assets/style.css""#), "\(page)")
        }
        let feed = try #require(temp.read("site/feed.xml"))
        #expect(feed.contains("<link>https://example.org/sub/papers/slug-paper/</link>"))
        #expect(feed.components(separatedBy: "<item>").count - 1 == 2, "feed_items caps the feed")
    }

    @Test func theSameInputGivesByteIdenticalOutputAndTouchesNothing() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        _ = try build(temp, output: "one")
        _ = try build(temp, output: "two")
        let one = temp.files(under: "one")
        #expect(one == temp.files(under: "two"))
        for file in one { #expect(temp.read("one/" + file) == temp.read("two/" + file), "\(file)") }
        let again = try build(temp, output: "one")
        #expect(again.write?.written == 0)
        #expect(again.write?.unchanged == one.count)
    }

    @Test func aBrokenRecordFailsTheBuildAndLeavesTheOutputUntouched() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        _ = try build(temp)
        let before = temp.files(under: "site").map { ($0, temp.read("site/" + $0), temp.modificationDate("site/" + $0)) }
        temp.write("content/papers/2026-11-20/2405.01234.md", """
            ---
            id: "2405.01234"
            title: "Changed"
            day: 2026-11-20
            upvotes: many
            ---
            Text.
            """)
        let error = #expect(throws: BuildError.self) { try build(temp) }
        #expect(error?.description == #"content/papers/2026-11-20/2405.01234.md:5:10: 'upvotes' must be a whole number, got "many""#)
        let after = temp.files(under: "site").map { ($0, temp.read("site/" + $0), temp.modificationDate("site/" + $0)) }
        #expect(before.map(\.0) == after.map(\.0))
        for (b, a) in zip(before, after) {
            #expect(b.1 == a.1 && b.2 == a.2, "\(b.0) changed")
        }
    }

    @Test func aTemplateErrorNamesTheTemplateLineAndColumn() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        temp.write("templates/day.mustache", "{{<layout}}\n{{$main}}\n{{#papers}}\n{{/main}}\n{{/layout}}\n")
        let error = #expect(throws: BuildError.self) { try build(temp) }
        #expect(error?.description.hasPrefix("templates/day.mustache:") == true)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/site"))
    }

    @Test func aSitesOwnTemplateOverridesTheThemes() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        temp.write("templates/not-found.mustache", "{{<layout}}{{$main}}<h1>Custom lost page</h1>{{/main}}{{/layout}}")
        _ = try build(temp)
        #expect(temp.read("site/404.html")?.contains("Custom lost page") == true)
    }

    /// Cards are rendered once per paper from the (overridden) partial and reused on list pages,
    /// with the paper's names and `site` in scope.
    @Test func aSitesOwnPaperCardIsUsedOnEveryListPage() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        temp.write("templates/paper-card.mustache", "<li class=\"mine\">{{title}} on {{site.title}}</li>\n")
        _ = try build(temp)
        let home = try #require(temp.read("site/index.html"))
        #expect(home.contains("<li class=\"mine\">"))
        #expect(!home.contains("class=\"paper-card\""))
        #expect(!home.contains(" on </li>"), "site.title is in scope")
        let days = try FileManager.default.contentsOfDirectory(atPath: temp.path + "/site/days").filter { $0.first?.isNumber == true }
        #expect(!days.isEmpty)
        for day in days {
            #expect(temp.read("site/days/\(day)/index.html")?.contains("<li class=\"mine\">") == true, "\(day)")
        }
    }

    @Test func anUnknownThemeIsAnError() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        temp.write("daybook.yml", "theme: nonexistent\n")
        let error = #expect(throws: BuildError.self) { try build(temp) }
        #expect(error?.description.contains("theme 'nonexistent' not found") == true)
    }

    @Test func theBaseURLOptionOverridesTheConfig() throws {
        let temp = makeSite()
        defer { temp.cleanup() }
        var options = BuildOptions(siteRoot: temp.path, output: "site")
        options.baseURL = "https://other.example/deep/path"
        _ = try SiteBuilder(options: options).build()
        #expect(temp.read("site/index.html")?.contains(#"href="/deep/path/feed.xml""#) == true)
        #expect(temp.read("site/feed.xml")?.contains("https://other.example/deep/path/papers/") == true)
    }

    @Test func aFolderWithOnlyContentBuilds() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        temp.write("content/papers/a.md", "---\nid: a\ntitle: A\nday: 2026-11-20\n---\nText.\n")
        let report = try build(temp)
        #expect(report.records == 1)
        #expect(temp.read("site/index.html")?.contains("<title>Daily Papers</title>") == true)
    }

    /// The fixture sites in Tests/Fixtures: the valid ones build, each invalid one fails with
    /// exactly the errors in its `expected-errors.txt`.
    @Test(arguments: fixtureSites(valid: false))
    func anInvalidFixtureFailsWithItsExpectedErrors(_ name: String) throws {
        let root = repositoryRoot + "/Tests/Fixtures/" + name
        let expected = try String(contentsOfFile: root + "/expected-errors.txt", encoding: .utf8)
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let error = #expect(throws: BuildError.self) {
            try SiteBuilder(options: BuildOptions(siteRoot: root, output: temp.path + "/site")).build()
        }
        #expect(error?.description == expected.trimmingCharacters(in: .newlines))
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/site"))
    }

    @Test(arguments: fixtureSites(valid: true))
    func aValidFixtureBuilds(_ name: String) throws {
        let root = repositoryRoot + "/Tests/Fixtures/" + name
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let report = try SiteBuilder(options: BuildOptions(siteRoot: root, output: temp.path + "/site")).build()
        #expect(report.records > 0)
        #expect(temp.files(under: "site").contains("feed.xml"))
    }
}

func fixtureSites(valid: Bool) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/Tests/Fixtures")) ?? []
    return names.filter { name in
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: repositoryRoot + "/Tests/Fixtures/" + name, isDirectory: &isDirectory)
        return isDirectory.boolValue && name.hasPrefix("invalid-") != valid
    }.sorted()
}
