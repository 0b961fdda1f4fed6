import DaybookContent
import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct BibTeXWriterTests {
    @Test func writesAnArxivEntryKeyedByAuthorYearAndTitleWord() {
        var paper = Reader.paper("2405.01234", title: "Quantized Attention & More", authors: ["Ada Lovelace", "Alan Turing"])
        paper.published = Reader.day("2024-05-02")
        #expect(BibTeXWriter.entry(for: paper, url: "https://example.org/p/") == """
            @misc{lovelace2024quantized,
              title = {{Quantized Attention \\& More}},
              author = {Ada Lovelace and Alan Turing},
              year = {2024},
              eprint = {2405.01234},
              archivePrefix = {arXiv},
              url = {https://arxiv.org/abs/2405.01234}
            }
            """)
    }

    @Test func aSlugPaperWithoutAuthorsUsesItsPageURL() {
        let paper = Reader.paper("notes", title: "On it", authors: [])
        let entry = BibTeXWriter.entry(for: paper, url: "https://example.org/p/")
        #expect(entry.hasPrefix("@misc{notes,\n"))
        #expect(entry.contains("url = {https://example.org/p/}"))
        #expect(!entry.contains("eprint"))
    }

    @Test func escapesSpecialCharactersOnceAndUnbalancedBraces() {
        #expect(BibTeXWriter.escape("50% of #1 \\& co") == "50\\% of \\#1 \\& co")
        #expect(BibTeXWriter.escape("a {b}") == "a {b}")
        #expect(BibTeXWriter.escape("a }b{") == "a \\}b\\{")
    }
}
