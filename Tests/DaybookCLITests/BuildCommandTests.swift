import Foundation
import Testing

@Suite("daybook build, run as a user runs it")
struct BuildCommandTests {
    static let validRecord = """
        ---
        id: "2405.01234"
        title: "A Paper"
        authors: [Ada Lovelace]
        day: 2026-11-20
        upvotes: 4
        ---
        An abstract.

        """

    /// A site with one good record, built once, so a failing build has something to leave untouched.
    func builtSite() throws -> (SiteFolder, [String: Data]) {
        let site = SiteFolder()
        site.write("daybook.yml", "title: Test\nbase_url: https://example.org/papers/\n")
        site.write("content/papers/2026-11-20/2405.01234.md", BuildCommandTests.validRecord)
        let first = try site.daybook("build")
        #expect(first.status == 0, "\(first)")
        return (site, site.snapshot(under: "site"))
    }

    /// The command failed with exactly `errors` as its first stderr lines, and `site/` is as it was.
    func expectFailure(_ result: CommandResult, _ site: SiteFolder, before: [String: Data], errors: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stderrLines == errors, sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(site.snapshot(under: "site") == before, "site/ changed", sourceLocation: sourceLocation)
        #expect(!site.exists(".site.staging") && !site.exists(".site.journal"), sourceLocation: sourceLocation)
    }

    @Test("builds the valid fixture site: exit 0, a summary, pages and feeds on disk, warnings on stderr")
    func buildsValidSite() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        let result = try site.daybook("build")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.first?.hasPrefix("Built 7 papers over 3 days: ") == true, "\(result)")
        #expect(result.stdoutLines.last == "Output: \(site.url("site"))")
        let warnings = try String(contentsOfFile: SiteFolder.fixtures + "/valid-site/expected-warnings.txt", encoding: .utf8)
        #expect(result.stderrLines == warnings.split(separator: "\n").map(String.init))
        for file in ["index.html", "papers/2405.01234/index.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml",
                     "search/index.html", "404.html"] {
            #expect(site.exists("site/" + file), "\(file)")
        }
        #expect(site.read("site/feed.xml")?.contains("<generator>Daybook 0.4.0</generator>") == true)

        // Again, with nothing changed: nothing is rewritten (the build cache may even find it up to
        // date without loading the content, when the records are older than the last build).
        let again = try site.daybook("build")
        #expect(again.status == 0)
        let first = again.stdoutLines.first ?? ""
        #expect(first.contains(", 0 written, ") || first.hasPrefix("Up to date: "), "\(again)")
        #expect(again.stderrLines == result.stderrLines)
    }

    @Test("the build cache: up to date when nothing changed, warnings repeated; one day added renders its pages; --ignore-cache checks everything")
    func buildCache() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        let first = try site.daybook("build")
        #expect(first.status == 0, "\(first)")
        #expect(site.exists(".daybook-cache/build"))
        Thread.sleep(forTimeInterval: 0.15)  // older than the next build's start: stamps are trusted
        _ = try site.daybook("build")
        let upToDate = try site.daybook("build")
        #expect(upToDate.status == 0)
        #expect(upToDate.stdoutLines.first?.hasPrefix("Up to date: nothing changed since the last build (") == true, "\(upToDate)")
        #expect(upToDate.stderrLines == first.stderrLines)

        site.write("content/papers/2026-11-21/2411.00077.md",
                   "---\nid: \"2411.00077\"\ntitle: A new day\nday: 2026-11-21\nupvotes: 3\n---\nText.\n")
        let added = try site.daybook("build")
        #expect(added.status == 0, "\(added)")
        #expect(added.stdoutLines.first?.hasPrefix("Built 8 papers over 4 days: ") == true, "\(added)")
        // Only the new record is parsed and its abstract rendered; the others come from the cache.
        let files = site.files(under: "content").filter { $0.hasSuffix(".md") || $0.hasSuffix(".json") }.count
        #expect(added.stdoutLines.contains { $0.hasPrefix("Cache: \(files - 1) content files not parsed again, 7 of 8 abstracts not rendered again, ")
            && $0.hasSuffix("pages unchanged since the last build, not rendered") }, "\(added)")
        #expect(site.read("site/papers/2411.00077/index.html")?.contains("A new day") == true)

        let ignoring = try site.daybook("build", "--ignore-cache")
        #expect(ignoring.status == 0)
        #expect(ignoring.stdoutLines.first?.contains(", 0 written, ") == true, "\(ignoring)")
        #expect(!ignoring.stdoutLines.contains { $0.hasPrefix("Cache: ") })
    }

    @Test("a broken record fails with its position and leaves site/ untouched")
    func brokenRecord() throws {
        let (site, before) = try builtSite()
        defer { site.remove() }
        site.write("content/papers/2026-11-20/2405.01234.md",
                   BuildCommandTests.validRecord.replacingOccurrences(of: "upvotes: 4", with: "upvotes: many"))
        expectFailure(try site.daybook("build"), site, before: before, errors: [
            "content/papers/2026-11-20/2405.01234.md:6:10: 'upvotes' must be a whole number, got \"many\"",
            "build failed: the output folder was not changed",
        ])
    }

    @Test("every invalid fixture fails with exactly its expected errors", arguments: [
        "invalid-bad-yaml", "invalid-duplicate-id", "invalid-hf-json", "invalid-impossible-date", "invalid-missing-title",
        "invalid-unclosed-front-matter", "invalid-wrong-type",
    ])
    func invalidFixtures(_ name: String) throws {
        let site = try SiteFolder(fixture: name)
        defer { site.remove() }
        let expected = try String(contentsOfFile: SiteFolder.fixtures + "/\(name)/expected-errors.txt", encoding: .utf8)
        let result = try site.daybook("build")
        #expect(result.status == 1)
        #expect(result.stderrLines == expected.split(separator: "\n").map(String.init) + ["build failed: the output folder was not changed"])
        #expect(!site.exists("site"))
    }

    @Test("a broken template fails with its file, line and column")
    func brokenTemplate() throws {
        let (site, before) = try builtSite()
        defer { site.remove() }
        site.write("templates/day.mustache", "{{<layout}}\n{{$main}}\n{{#papers}}\n{{/main}}\n{{/layout}}\n")
        let result = try site.daybook("build")
        expectFailure(result, site, before: before, errors: result.stderrLines.count == 2 ? result.stderrLines : ["?"])
        #expect(result.stderrLines.first?.hasPrefix("templates/day.mustache:4:") == true, "\(result)")
    }

    @Test("an unknown config key is an error at its position, with a suggestion")
    func badConfigKey() throws {
        let (site, before) = try builtSite()
        defer { site.remove() }
        site.write("daybook.yml", "title: Test\nbase_url: https://example.org/papers/\nper_pag: 10\n")
        expectFailure(try site.daybook("build"), site, before: before, errors: [
            "daybook.yml:3:1: unknown field 'per_pag' (did you mean 'per_page'?)",
            "build failed: the output folder was not changed",
        ])
    }

    @Test("a bad --base-url is a usage error (exit 64) and nothing is built")
    func badBaseURL() throws {
        let (site, before) = try builtSite()
        defer { site.remove() }
        let result = try site.daybook("build", "--base-url", "example.org/papers")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.first == "Error: --base-url must be an absolute http(s) URL, got \"example.org/papers\"")
        #expect(site.snapshot(under: "site") == before)
    }

    @Test("--output and --base-url build elsewhere with other links")
    func outputAndBaseURL() throws {
        let (site, before) = try builtSite()
        defer { site.remove() }
        let result = try site.daybook("build", "--output", "public", "--base-url", "https://other.example/x")
        #expect(result.status == 0, "\(result)")
        #expect(site.read("public/feed.xml")?.contains("https://other.example/x/papers/2405.01234/") == true)
        #expect(site.snapshot(under: "site") == before)
    }
}
