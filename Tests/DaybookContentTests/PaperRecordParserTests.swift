import Testing
@testable import DaybookContent

@Suite("Paper record parser")
struct PaperRecordParserTests {
    let path = "content/papers/2026-11-20/2405.01234.md"

    func parse(_ text: String) throws(ContentError) -> Paper {
        try PaperRecordParser.parse(text, path: path)
    }

    func errors(_ text: String) -> [String] {
        errorLines { () throws(ContentError) in _ = try parse(text) }
    }

    @Test func parsesEveryFieldOfAFullRecord() throws {
        let paper = try parse("""
        ---
        id: "2405.01234"
        title: "Quantized  Attention:
          Fast and Small"
        authors: [Ada Lovelace, " Alan  Turing "]
        author_count: 2
        day: 2026-11-20
        published: 2024-05-02
        upvotes: 42
        tags: [LLM, quantization, llm, " Long   Tag "]
        summary: One sentence.
        links: {arxiv: "https://arxiv.org/abs/2405.01234", pdf: https://arxiv.org/pdf/2405.01234,
                code: https://github.com/x/y, project: https://example.org/}
        stars: 120
        withdrawn: 2026-12-01
        ---

        The abstract, with $x^2$.

        Second paragraph.

        """)
        #expect(paper.id == "2405.01234")
        #expect(paper.title == "Quantized Attention: Fast and Small")
        #expect(paper.authors == ["Ada Lovelace", "Alan Turing"])
        #expect(paper.authorCount == 2)
        #expect(paper.day == Day(year: 2026, month: 11, day: 20))
        #expect(paper.published == Day(year: 2024, month: 5, day: 2))
        #expect(paper.upvotes == 42)
        #expect(paper.tags == ["LLM", "quantization", "Long Tag"])
        #expect(paper.summary == "One sentence.")
        #expect(paper.links == PaperLinks(arxiv: "https://arxiv.org/abs/2405.01234", pdf: "https://arxiv.org/pdf/2405.01234",
                                          code: "https://github.com/x/y", project: "https://example.org/"))
        #expect(paper.stars == 120)
        #expect(paper.withdrawn == Day(year: 2026, month: 12, day: 1))
        #expect(paper.abstract == "The abstract, with $x^2$.\n\nSecond paragraph.")
        #expect(paper.source == SourceLocation(path: path, bodyLine: 18))
    }

    @Test func leavesUnsetOptionalFieldsEmpty() throws {
        let paper = try parse("---\nid: my-notes\ntitle: Notes\nday: 2026-11-20\n---\nBody\n")
        #expect(paper.authors.isEmpty && paper.authorCount == nil && paper.published == nil)
        #expect(paper.upvotes == nil && paper.tags.isEmpty && paper.summary == nil && paper.links.isEmpty)
        #expect(paper.stars == nil && paper.withdrawn == nil)
        #expect(paper.source.bodyLine == 6)
    }

    @Test func readsIdsAndDatesAsWrittenNotAsYAMLNumbersOrTimestamps() throws {
        let paper = try parse("---\nid: 2405.01230\ntitle: T\nday: 2026-11-20\npublished: 2024-05-02T10:20:30Z\n---\n")
        #expect(paper.id == "2405.01230")
        #expect(paper.published == Day(year: 2024, month: 5, day: 2))
    }

    @Test func acceptsOldStyleArxivIdsAndSlugs() throws {
        #expect(try parse("---\nid: hep-ex/0307015\ntitle: T\nday: 2003-07-08\n---\n").id == "hep-ex/0307015")
        #expect(try parse("---\nid: math.GT/0309136\ntitle: T\nday: 2003-07-08\n---\n").id == "math.GT/0309136")
        #expect(try parse("---\nid: my_notes-1.2\ntitle: T\nday: 2003-07-08\n---\n").id == "my_notes-1.2")
    }

    @Test func acceptsWholeNumbersWrittenAsQuotedTextOrWithAZeroFraction() throws {
        let paper = try parse("---\nid: a\ntitle: T\nday: 2026-11-20\nupvotes: \"7\"\nstars: 12.0\nauthor_count: 0\n---\n")
        #expect(paper.upvotes == 7 && paper.stars == 12 && paper.authorCount == 0)
    }

    @Test func treatsNullOptionalFieldsAsUnset() throws {
        let paper = try parse("---\nid: a\ntitle: T\nday: 2026-11-20\nupvotes:\ntags: ~\nlinks: null\nsummary:\n---\n")
        #expect(paper.upvotes == nil && paper.tags.isEmpty && paper.links.isEmpty && paper.summary == nil)
    }

    @Test func skipsAByteOrderMarkAndAcceptsCRLFLineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("---\r\nid: a\r\ntitle: T\r\nday: 2026-11-20\r\n---\r\n\r\nLine one\r\nLine two\r\n".utf8)
        let paper = try PaperRecordParser.parse(bytes: bytes, path: path)
        #expect(paper.title == "T")
        #expect(paper.abstract == "Line one\nLine two")
        #expect(paper.source.bodyLine == 7)
    }

    @Test func acceptsFencesWithTrailingSpaces() throws {
        let paper = try parse("---  \nid: a\ntitle: T\nday: 2026-11-20\n--- \t\nBody")
        #expect(paper.abstract == "Body")
    }

    @Test func givesAnEmptyAbstractWhenTheFileEndsAtTheClosingFence() throws {
        let paper = try parse("---\nid: a\ntitle: T\nday: 2026-11-20\n---")
        #expect(paper.abstract == "")
        #expect(paper.source.bodyLine == 6)
    }

    @Test func keepsALaterThreeDashLineInTheBody() throws {
        let paper = try parse("---\nid: a\ntitle: T\nday: 2026-11-20\n---\nAbove\n\n---\n\nBelow")
        #expect(paper.abstract == "Above\n\n---\n\nBelow")
    }
}

@Suite("Paper record parser errors")
struct PaperRecordParserErrorTests {
    let path = "content/papers/2405.01234.md"

    func errors(_ text: String) -> [String] {
        errorLines { () throws(ContentError) in _ = try PaperRecordParser.parse(text, path: path) }
    }

    func errors(_ bytes: [UInt8]) -> [String] {
        errorLines { () throws(ContentError) in _ = try PaperRecordParser.parse(bytes: bytes, path: path) }
    }

    @Test func rejectsAnEmptyFile() {
        #expect(errors("") == ["\(path):1:1: file is empty: a record needs front matter between '---' lines"])
        #expect(errors(" \n\n") == ["\(path):1:1: file is empty: a record needs front matter between '---' lines"])
    }

    @Test func rejectsAFileThatDoesNotStartWithAFence() {
        #expect(errors("title: T\n---\n") == ["\(path):1:1: a record must start with a '---' line that opens its front matter"])
        #expect(errors("\n---\nid: a\n---\n") == ["\(path):1:1: a record must start with a '---' line that opens its front matter"])
    }

    @Test func rejectsUnclosedFrontMatter() {
        #expect(errors("---\nid: a\ntitle: T\n") == ["\(path):1:1: front matter is not closed: no '---' line after line 1"])
        #expect(errors("---") == ["\(path):1:1: front matter is not closed: no '---' line after line 1"])
    }

    @Test func pointsAtTheFirstInvalidUTF8Byte() {
        let bytes = Array("---\nid: a\ntitle: Caf".utf8) + [0xC3, 0x28] + Array("\nday: 2026-11-20\n---\n".utf8)
        #expect(errors(bytes) == ["\(path):3:11: invalid UTF-8: byte 0xC3 is not valid here; save the file as UTF-8"])
        #expect(errors([0xFF]) == ["\(path):1:1: invalid UTF-8: byte 0xFF is not valid here; save the file as UTF-8"])
    }

    @Test func mapsYAMLSyntaxErrorsToTheFilesLines() {
        #expect(errors("---\nid: a\ntitle: \"open\nday: 2026-11-20\n---\n") == [
            "\(path):5:1: invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 3)",
        ])
        #expect(errors("---\nid: a\ntags: [a, b\nday: 2026-11-20\n---\n") == [
            "\(path):4:4: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3)",
        ])
        #expect(errors("---\nid: a\n\ttitle: T\n---\n") == [
            "\(path):3:1: invalid YAML: found a tab character that violates indentation (while scanning a plain scalar at line 2); indent with spaces, not tabs",
        ])
        #expect(errors("---\nid: a\ntitle: Attention: All You Need\nday: 2026-11-20\n---\n") == [
            "\(path):3:17: invalid YAML: mapping values are not allowed in this context; put a value holding ': ' in quotes",
        ])
    }

    @Test func reportsEveryMissingRequiredFieldAtTheFrontMatterStart() {
        #expect(errors("---\nupvotes: 3\n---\n") == [
            "\(path):1:1: missing required field 'day'",
            "\(path):1:1: missing required field 'id'",
            "\(path):1:1: missing required field 'title'",
        ])
        #expect(errors("---\n---\n").count == 3)
    }

    @Test func rejectsEmptyRequiredValues() {
        #expect(errors("---\nid:\ntitle: \"  \"\nday:\n---\n") == [
            "\(path):2:4: 'id' must not be empty",
            "\(path):3:8: 'title' must not be empty",
            "\(path):4:5: 'day' must not be empty",
        ])
    }

    @Test func rejectsFrontMatterThatIsNotAMapping() {
        #expect(errors("---\n- a\n- b\n---\n") == [
            "\(path):1:1: missing required field 'day'",
            "\(path):1:1: missing required field 'id'",
            "\(path):1:1: missing required field 'title'",
            "\(path):2:1: front matter must be a mapping of fields, got a list",
        ])
    }

    @Test func rejectsWrongTypesAtTheValuesPosition() {
        #expect(errors("""
        ---
        id: a
        title: [T]
        day: 2026-11-20
        upvotes: many
        stars: -4
        author_count: 2.5
        authors: Ada Lovelace
        tags: [ok, [nested], ""]
        summary: {a: b}
        ---
        """) == [
            "\(path):3:8: 'title' must be text, got a list",
            "\(path):5:10: 'upvotes' must be a whole number, got \"many\"",
            "\(path):6:8: 'stars' must be at least 0, got -4",
            "\(path):7:15: 'author_count' must be a whole number, got \"2.5\"",
            "\(path):8:10: 'authors' must be a list, got \"Ada Lovelace\"",
            "\(path):9:12: 'tags' item 2 must be text, got a list",
            "\(path):9:22: 'tags' item 3 is empty",
            "\(path):10:10: 'summary' must be text, got a mapping",
        ])
    }

    @Test func rejectsBadIds() {
        #expect(errors("---\nid: My Paper\ntitle: T\nday: 2026-11-20\n---\n") == [
            "\(path):2:5: 'id' must be an arXiv id (2405.01234, hep-ex/0307015) or a slug of a-z, 0-9, '.', '_', '-', got \"My Paper\" (try \"my-paper\")",
        ])
        #expect(errors("---\nid: 2405.01234v2\ntitle: T\nday: 2026-11-20\n---\n") == [
            "\(path):2:5: 'id' must not carry a version, got \"2405.01234v2\" (use \"2405.01234\")",
        ])
        #expect(errors("---\nid: [a]\ntitle: T\nday: 2026-11-20\n---\n") == ["\(path):2:5: 'id' must be text, got a list"])
    }

    @Test func rejectsImpossibleAndMalformedDates() {
        #expect(errors("---\nid: a\ntitle: T\nday: 2026-02-30\npublished: 2026-13-01\nwithdrawn: 20 Nov 2026\n---\n") == [
            "\(path):4:6: 'day' is not a real date: \"2026-02-30\" (February 2026 has 28 days)",
            "\(path):5:12: 'published' is not a real date: \"2026-13-01\" (there is no month 13)",
            "\(path):6:12: 'withdrawn' must be a date written YYYY-MM-DD, got \"20 Nov 2026\"",
        ])
        #expect(errors("---\nid: a\ntitle: T\nday: 2024-02-29\n---\n") == ["no error"])
        #expect(errors("---\nid: a\ntitle: T\nday: 2023-02-29\n---\n") == [
            "\(path):4:6: 'day' is not a real date: \"2023-02-29\" (February 2023 has 28 days)",
        ])
    }

    @Test func rejectsUnknownFieldsWithASuggestion() {
        #expect(errors("---\nid: a\ntitle: T\nday: 2026-11-20\nupvote: 3\ncolour: red\n---\n") == [
            "\(path):5:1: unknown field 'upvote' (did you mean 'upvotes'?)",
            "\(path):6:1: unknown field 'colour' (known: id, title, authors, author_count, day, published, upvotes, tags, summary, links, stars, withdrawn)",
        ])
    }

    @Test func rejectsDuplicateFields() {
        #expect(errors("---\nid: a\ntitle: T\nday: 2026-11-20\ntitle: U\n---\n") == [
            "\(path):5:1: duplicate field 'title' (first at line 3)",
        ])
    }

    @Test func rejectsUnknownLinksAndLinksThatAreNotURLs() {
        #expect(errors("---\nid: a\ntitle: T\nday: 2026-11-20\nlinks: {code: github.com/x/y, homepage: https://x.org}\n---\n") == [
            "\(path):5:15: 'links.code' must be an absolute http(s) URL, got \"github.com/x/y\"",
            "\(path):5:31: unknown key 'homepage' in 'links' (known: arxiv, pdf, code, project, doi)",
        ])
        #expect(errors("---\nid: a\ntitle: T\nday: 2026-11-20\nlinks: [https://x.org]\n---\n") == [
            "\(path):5:8: 'links' must be a mapping, got a list",
        ])
    }

    @Test func reportsEveryProblemInAFileAtOnce() {
        let lines = errors("---\nid: Bad Id\nday: 2026-02-30\nupvotes: x\n---\n")
        #expect(lines.count == 4)
    }
}
