import Foundation
import Testing

@Suite("daybook import, run as a user runs it")
struct ImportCommandTests {
    static let fixtures = SiteFolder.repositoryRoot + "/Tests/ImportFixtures/"

    @Test("each importer writes records from its good fixture, then finds them unchanged", arguments: [
        (["import", "hf", fixtures + "hf-daily-papers.sample.json"], "hf"),
        (["import", "arxiv", fixtures + "arxiv-api.sample.xml"], "arxiv"),
        (["import", "listing", fixtures + "listing-layout1.txt", "--day", "2025-12-29"], "listing"),
    ])
    func goodInput(_ arguments: [String], _ kind: String) throws {
        let site = SiteFolder()
        defer { site.remove() }
        let first = try DaybookExecutable.run(arguments, in: site.path)
        #expect(first.status == 0, "\(first)")
        let line = try #require(first.stdoutLines.last)
        #expect(line.hasPrefix("Imported "), "\(line)")
        let records = site.files(under: "content/papers")
        #expect(!records.isEmpty && records.allSatisfy { $0.hasSuffix(".md") })
        let check = try site.daybook("check")
        #expect(check.status == 0, "\(kind): \(check)")
        let again = try DaybookExecutable.run(arguments, in: site.path)
        #expect(again.status == 0)
        #expect(again.stdoutLines.last?.contains("0 new") == true, "\(again)")
        #expect(site.files(under: "content/papers") == records)
    }

    @Test("malformed input is positioned, writes nothing and exits 1", arguments: [
        ("hf", "bad.json", "[{\"paper\": {\"id\": \"2509.00001\", \"title\": \"T\", \"upvotes\": \"many\"},}]",
         "bad.json:1:66: invalid JSON: expected a quoted key, found '}'"),
        ("hf", "archive.json", "{\"date\": \"2025-09-08\", \"papers\": [\"{}\"]}",
         "archive.json:1:1: expected Hugging Face papers JSON (a list of daily-papers items, or one paper with 'id' and 'title'), got an object with keys 'date', 'papers'"),
        ("arxiv", "bad.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</entry></feed>", "bad.xml:1:"),
        ("listing", "bad.txt", "Dec 29\n\n• 6 authors\n", "bad.txt:3:1: "),
    ])
    func malformedInput(_ kind: String, _ file: String, _ text: String, _ message: String) throws {
        let site = SiteFolder()
        defer { site.remove() }
        site.write(file, text)
        var arguments = ["import", kind, file]
        if kind == "listing" { arguments += ["--day", "2025-12-29"] }
        let result = try DaybookExecutable.run(arguments, in: site.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix(message) == true, "\(result)")
        #expect(result.stderrLines.last == "Nothing imported: fix the input above and run again.")
        #expect(!site.exists("content"))
    }

    @Test("an empty file is an error naming it, never an empty success", arguments: ["hf", "arxiv", "listing"])
    func emptyInput(_ kind: String) throws {
        let site = SiteFolder()
        defer { site.remove() }
        site.write("empty.txt", "")
        var arguments = ["import", kind, "empty.txt"]
        if kind == "listing" { arguments += ["--day", "2025-12-29"] }
        let result = try DaybookExecutable.run(arguments, in: site.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("empty.txt:") == true, "\(result)")
        #expect(!site.exists("content"))
    }

    @Test("the organisation line of a real listing does not become a paper")
    func organisationLine() throws {
        let site = SiteFolder()
        defer { site.remove() }
        site.write("listing.txt", """
            First Paper

            The first abstract, long enough to be an abstract of a real paper on the listing page.

            acme Acme Labs
            ·
            Dec 15 12

            """)
        let result = try site.daybook("import", "listing", "listing.txt", "--day", "2025-12-29")
        #expect(result.status == 0, "\(result)")
        #expect(site.files(under: "content/papers") == ["2025-12-29/first-paper.md"])
        let record = try #require(site.read("content/papers/2025-12-29/first-paper.md"))
        #expect(record.contains("published: 2025-12-15") && record.contains("upvotes: 12"), "\(record)")
    }
}
