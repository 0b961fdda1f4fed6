import DaybookContent
import DaybookTestSupport
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

    /// The key's title word, read on bytes when the title is ASCII, is the word read by Characters.
    @Test func theKeyWordIsTheFirstLongWordByCharacters() {
        var random = SeededGenerator(seed: 7)
        let pieces = ["Deep", "RL", "a", "of", "Graph", "—", "é", "e\u{301}t\u{301}e\u{301}", "\r\n", "\n", " ", "-", "2024",
                      "x1y", "Über", "ABCD", "中文标题", "$x^2$", "{", "}", "&", "CamelCase"]
        for _ in 0..<2_000 {
            let title = (0..<random.int(0..<8)).map { _ in random.pick(pieces) }.joined()
            let expected = title.split(whereSeparator: { !$0.isLetter }).map(BibTeXWriter.ascii).first { $0.count > 3 } ?? ""
            #expect(BibTeXWriter.firstLongWord(title) == expected, "\(title.debugDescription)")
        }
    }

    @Test func escapingLeavesTextWithoutSpecialCharactersAsItIs() {
        #expect(BibTeXWriter.escape("Plain é title — 中文") == "Plain é title — 中文")
        // `&` with a combining mark is one Character, not `&`: not escaped, as before.
        #expect(BibTeXWriter.escape("a &\u{301} b & c") == "a &\u{301} b \\& c")
    }
}
