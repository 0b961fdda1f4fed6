import Foundation
import Testing
@testable import DaybookContent

@Suite("ArxivAtomImporter")
struct ArxivAtomImporterTests {
    static func importSample(day: Day? = nil) throws -> ImportedPapers {
        try ArxivAtomImporter(day: day).papers(from: Data(try ImportFixtures.text("arxiv-api.sample.xml").utf8),
                                               path: "sample.xml")
    }

    static func feed(_ entries: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
        \(entries)
        </feed>
        """.utf8)
    }

    @Test func readsEveryEntryWithVersionFreeIDsInFeedOrder() throws {
        let papers = try Self.importSample().papers
        #expect(papers.map(\.id) == ["2509.04664", "2408.11029", "hep-ex/0307015"])
        #expect(papers.map(\.tags) == [["cs.CL"], ["cs.LG"], ["hep-ex"]])
        #expect(papers.map(\.published) == [Day(iso: "2025-09-04"), Day(iso: "2024-08-20"), Day(iso: "2003-07-07")])
        #expect(papers.map(\.day) == papers.map { $0.published! })
    }

    @Test func joinsHardWrappedTitlesAndAbstractsAndKeepsAuthorsInOrder() throws {
        let papers = try Self.importSample().papers
        let first = papers[0]
        #expect(first.title == "Why Language Models Hallucinate")
        #expect(first.abstract == "Like students facing hard exam questions, large language models sometimes guess when uncertain, "
            + "producing plausible yet incorrect statements instead of admitting uncertainty.")
        #expect(first.authors == ["Adam Tauman Kalai", "Ofir Nachum", "Santosh S. Vempala", "Edwin Zhang"])
        #expect(first.authorCount == nil)
        #expect(papers[1].authors == ["Howe Tissue", "Venus Wang", "Lu Wang"])
        #expect(papers[1].abstract.hasSuffix("training steps $s$: $L(s) = L_0 + A\\cdot S_1^{-\\alpha} - C\\cdot S_2$."))
        #expect(papers[2].title == "Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA")
        #expect(papers[2].authors == ["H1 Collaboration"])
    }

    @Test func linksAreHTTPSAndVersionFreeWithTheDOIWhenThereIsOne() throws {
        let papers = try Self.importSample().papers
        #expect(papers[0].links == PaperLinks(arxiv: "https://arxiv.org/abs/2509.04664", pdf: "https://arxiv.org/pdf/2509.04664"))
        #expect(papers[1].links.doi == "https://doi.org/10.48550/arXiv.2408.11029")
        #expect(papers[2].links == PaperLinks(arxiv: "https://arxiv.org/abs/hep-ex/0307015",
                                              pdf: "https://arxiv.org/pdf/hep-ex/0307015"))
    }

    @Test func theDayOptionFeaturesEveryPaperOnThatDay() throws {
        let day = ImportFixtures.day("2025-09-08")
        #expect(try Self.importSample(day: day).papers.allSatisfy { $0.day == day })
    }

    @Test func aDOILinkIsUsedWhenThereIsNoDOIElement() throws {
        let data = Self.feed("""
        <entry><id>http://arxiv.org/abs/2401.00001v2</id><published>2024-01-01T00:00:00Z</published>
        <title>T</title><summary>First paragraph
        wrapped.

        Second paragraph.</summary>
        <link title="doi" href="http://dx.doi.org/10.1000/xyz" rel="related"/></entry>
        """)
        let paper = try #require(try ArxivAtomImporter().papers(from: data, path: "q.xml").papers.first)
        #expect(paper.links.doi == "https://doi.org/10.1000/xyz")
        #expect(paper.abstract == "First paragraph wrapped.\n\nSecond paragraph.")
        #expect(paper.tags.isEmpty)
    }

    @Test func anEmptyFeedHasNoPapers() throws {
        #expect(try ArxivAtomImporter().papers(from: Self.feed(""), path: "q.xml").papers.isEmpty)
    }

    @Test func anErrorEntryIsAClearError() {
        let data = Self.feed("""
        <entry>
        <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>
        <title>Error</title>
        <summary>incorrect id format for 1234.12345</summary>
        </entry>
        """)
        let error = #expect(throws: ContentError.self) { try ArxivAtomImporter().papers(from: data, path: "q.xml") }
        #expect(error?.description == "q.xml:3:7: the arXiv API returned an error: incorrect id format for 1234.12345")
    }

    @Test func malformedXMLIsAPositionedError() {
        let data = Data("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <entry><title>x</entry>\n</feed>\n".utf8)
        let error = #expect(throws: ContentError.self) { try ArxivAtomImporter().papers(from: data, path: "q.xml") }
        #expect(error?.description == "q.xml:2:26: malformed XML: the end tag does not match the open element (XMLParser error 76)")
    }

    @Test func aFeedThatIsNotAtomIsAnError() {
        let error = #expect(throws: ContentError.self) {
            try ArxivAtomImporter().papers(from: Data("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"></rss>".utf8), path: "q.xml")
        }
        #expect(error?.description == "q.xml:2:19: not an Atom feed: the root element is <rss>")
        let empty = #expect(throws: ContentError.self) { try ArxivAtomImporter().papers(from: Data(), path: "q.xml") }
        #expect(empty?.description == "q.xml:1:1: not an Atom feed: no <feed> element")
    }

    @Test func entriesWithoutAnArxivIDTitleOrDayAreErrors() {
        let data = Self.feed("""
        <entry><id>https://example.org/paper/1</id><title>A</title></entry>
        <entry><id>http://arxiv.org/abs/2401.00001v1</id><title> </title></entry>
        <entry><id>http://arxiv.org/abs/2401.00002</id><title>C</title></entry>
        <entry><id>http://arxiv.org/abs/2401.00003</id><title>D</title><published>yesterday</published></entry>
        """)
        let error = #expect(throws: ContentError.self) { try ArxivAtomImporter().papers(from: data, path: "q.xml") }
        #expect(error?.description == """
        q.xml:3:7: entry <id> is not an arXiv abstract URL: "https://example.org/paper/1"
        q.xml:4:7: entry 2401.00001 has no <title>
        q.xml:5:7: entry 2401.00002 has no <published> date; give the day to feature it on
        q.xml:6:7: entry 2401.00003: <published> is not a date: "yesterday"
        """)
    }

    @Test(arguments: [("http://arxiv.org/abs/2509.04664v1", "2509.04664"), ("https://arxiv.org/abs/2408.11029v12", "2408.11029"),
                      ("http://arxiv.org/abs/hep-ex/0307015v1", "hep-ex/0307015"), ("http://arxiv.org/abs/math.GT/0309136", "math.GT/0309136"),
                      ("http://arxiv.org/abs/2401.0001v", nil), ("http://arxiv.org/pdf/2401.00001", nil)] as [(String, String?)])
    func idsLoseTheirVersion(_ url: String, _ id: String?) {
        #expect(ArxivAtomImporter.arxivID(fromAbsURL: url) == id)
    }
}
