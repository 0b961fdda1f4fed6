import Testing
import Yams
@testable import DaybookContent

@Suite("PaperRecordWriter")
struct PaperRecordWriterTests {
    static let full = Paper(
        id: "2405.01234", title: "A Title: With \"Quotes\"", authors: ["Ada Lovelace", "Alan Turing"], authorCount: 2,
        day: Day(iso: "2026-11-20")!, published: Day(iso: "2024-05-02")!, upvotes: 42, tags: ["llm", "cs.LG"],
        summary: "One sentence.",
        links: PaperLinks(arxiv: "https://arxiv.org/abs/2405.01234", pdf: "https://arxiv.org/pdf/2405.01234",
                          code: "https://github.com/o/r", project: "https://example.org", doi: "https://doi.org/10.1/x"),
        stars: 120, withdrawn: Day(iso: "2026-11-21")!, abstract: "The abstract with $\\alpha$.")

    /// The YAML between the record's `---` fences.
    static func frontMatter(_ text: String) -> String {
        String(text.dropFirst(4).prefix(upTo: text.dropFirst(4).range(of: "\n---\n")!.upperBound).dropLast(4))
    }

    @Test func writesEveryFieldInTheDesignOrder() {
        let expected = """
        ---
        id: "2405.01234"
        title: "A Title: With \\"Quotes\\""
        authors: ["Ada Lovelace", "Alan Turing"]
        author_count: 2
        day: 2026-11-20
        published: 2024-05-02
        upvotes: 42
        tags: ["llm", "cs.LG"]
        summary: "One sentence."
        links:
          arxiv: "https://arxiv.org/abs/2405.01234"
          pdf: "https://arxiv.org/pdf/2405.01234"
          code: "https://github.com/o/r"
          project: "https://example.org"
          doi: "https://doi.org/10.1/x"
        stars: 120
        withdrawn: 2026-11-21
        ---
        The abstract with $\\alpha$.

        """
        #expect(PaperRecordWriter().text(for: Self.full) == expected)
    }

    @Test func leavesOutNilAndEmptyFieldsAndEndsWithANewline() {
        let paper = Paper(id: "a-title", title: "A title", day: Day(iso: "2026-11-20")!, summary: "")
        #expect(PaperRecordWriter().text(for: paper) == "---\nid: \"a-title\"\ntitle: \"A title\"\nday: 2026-11-20\n---\n")
    }

    @Test func writesLongListsAsBlockLists() throws {
        var paper = Self.full
        paper.authors = (1...30).map { "Author Number \($0)" }
        let text = PaperRecordWriter().text(for: paper)
        #expect(text.contains("authors:\n  - \"Author Number 1\"\n  - \"Author Number 2\"\n"))
        #expect(try PaperRecordParser.parse(text, path: "x.md").authors == paper.authors)
    }

    static let nastyStrings = [
        "Colons: everywhere: here", "\"Quoted\" and 'single'", "HyperZ$\\cdot$Z$\\cdot$W and $\\alpha$", "# not a comment",
        "Title # with hash", "- leading dash", "[bracket", "{brace", "@at", "*star", "&anchor", "!tag", "|pipe", ">fold",
        "%percent", "`backtick", "? question", "Naïve Über 数学 🚀", "yes", "no", "null", "~", "1.0", "0x1F", "2024-05-02",
        "true", "  leading and trailing spaces  ", "multi\nline\n\ntext", "tab\there", "cr\rhere", "back\\slash", "\u{0085}next line",
        "line\u{2028}sep", "bom\u{FEFF}in", "bell\u{07}and\u{7F}del", "", "<human, action, object>", "a: b, c: d",
    ]

    @Test(arguments: nastyStrings)
    func quotedStringsReadBackIdenticallyThroughYams(_ value: String) throws {
        let paper = Paper(id: "x", title: value, authors: [value, "Plain"], day: Day(iso: "2026-11-20")!,
                          tags: [value], summary: value, links: PaperLinks(code: value), abstract: "Body")
        let text = PaperRecordWriter().text(for: paper)
        let yaml = Self.frontMatter(text)
        let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(loaded["title"] as? String == value)
        #expect(loaded["summary"] as? String == (value.isEmpty ? nil : value))
        #expect(loaded["authors"] as? [String] == [value, "Plain"])
        #expect(loaded["tags"] as? [String] == [value])
        #expect((loaded["links"] as? [String: Any])?["code"] as? String == value)
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node["title"]?.scalar?.string == value)
        #expect(node["title"]?.scalar?.style == .doubleQuoted)
    }

    @Test func everyFieldRoundTripsThroughTheRecordReader() throws {
        let text = PaperRecordWriter().text(for: Self.full)
        var read = try PaperRecordParser.parse(text, path: "p.md")
        read.source = Self.full.source
        #expect(read == Self.full)
        let yaml = Self.frontMatter(text)
        let loaded = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(loaded["upvotes"] as? Int == 42)
        #expect(loaded["author_count"] as? Int == 2)
        #expect(loaded["stars"] as? Int == 120)
        #expect(Array(loaded.keys).sorted() == ["author_count", "authors", "day", "id", "links", "published", "stars",
                                               "summary", "tags", "title", "upvotes", "withdrawn"])
    }

    @Test func oldStyleIDsAndMultiLineAbstractsRoundTrip() throws {
        let paper = Paper(id: "hep-ex/0307015", title: "Multi-Electron Production", day: Day(iso: "2003-07-07")!,
                          abstract: "First paragraph.\n\n---\n\nSecond paragraph after a rule.")
        var read = try PaperRecordParser.parse(PaperRecordWriter().text(for: paper), path: "p.md")
        read.source = paper.source
        #expect(read == paper)
    }
}
