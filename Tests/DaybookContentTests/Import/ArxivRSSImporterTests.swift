import Foundation
import Testing
@testable import DaybookContent

@Suite("ArxivRSSImporter and ArxivImporter")
struct ArxivRSSImporterTests {
    static func sample() throws -> Data { Data(try ImportFixtures.text("arxiv-rss.sample.xml").utf8) }

    static func channel(title: String = "cs.CL updates on arXiv.org", pubDate: String? = "Tue, 01 Dec 2026 00:00:00 -0500",
                        items: String = "") -> Data {
        Data("""
        <?xml version='1.0' encoding='UTF-8'?>
        <rss xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
          <channel>
            <title>\(title)</title>
        \(pubDate.map { "    <pubDate>\($0)</pubDate>" } ?? "")
        \(items)
          </channel>
        </rss>
        """.utf8)
    }

    @Test func newAndCrossItemsArePapersOfTheAnnouncementDay() throws {
        let announcement = try ArxivRSSImporter().announcement(from: try Self.sample(), path: "cs.rss")
        #expect(announcement.day == Day(iso: "2025-09-08"))
        #expect(announcement.papers.map(\.id) == ["2509.04664", "2509.05012"])
        #expect(announcement.papers.allSatisfy { $0.day == Day(iso: "2025-09-08") })
        #expect(announcement.papers.map(\.tags) == [["cs.CL"], ["cs.LG"]])
        #expect(announcement.updates.map(\.id) == ["2408.11029", "hep-ex/0307015"])
    }

    @Test func splitsTheOneCreatorIntoAuthorsAndStripsTheDescriptionPreamble() throws {
        let papers = try ArxivRSSImporter().announcement(from: try Self.sample(), path: "cs.rss").papers
        #expect(papers[0].authors == ["Adam Tauman Kalai", "Ofir Nachum", "Santosh S. Vempala", "Edwin Zhang"])
        #expect(papers[0].abstract.hasPrefix("Like students facing hard exam questions"))
        #expect(papers[1].authors == ["Mei Chen", "Arjun Patel"])
        #expect(papers[1].title == "Caf\\'{e} Routing: Sparse Experts at $O(\\log n)$ Cost")
        #expect(papers[1].abstract == "We route tokens to experts in $O(\\log n)$ time & show that $k < 4$ suffices.")
        #expect(papers[0].links.arxiv == "https://arxiv.org/abs/2509.04664")
        #expect(papers[0].links.pdf == "https://arxiv.org/pdf/2509.04664")
    }

    @Test func replaceItemsCarryTheirDOI() throws {
        let updates = try ArxivRSSImporter().announcement(from: try Self.sample(), path: "cs.rss").updates
        #expect(updates[0].links.doi == "https://doi.org/10.48550/arXiv.2408.11029")
        #expect(updates[0].abstract.hasSuffix("a discussion of warm-up."))
        #expect(updates[1].links.doi == nil)
    }

    @Test func aGivenDayWinsOverTheChannelDate() throws {
        let papers = try ArxivRSSImporter(day: Day(iso: "2025-09-09")).announcement(from: try Self.sample(), path: "x").papers
        #expect(papers.allSatisfy { $0.day == Day(iso: "2025-09-09") })
    }

    @Test func anErrorFeedIsAnError() {
        #expect(errorLines { () throws(ContentError) in
            _ = try ArxivRSSImporter().papers(from: Self.channel(title: "Feed error for query: cs.XX", pubDate: nil), path: "bad.rss")
        } == ["bad.rss:4:11: arXiv answered with an error feed: \"Feed error for query: cs.XX\" (check the categories)"])
    }

    @Test("a channel date that is not one is an error at its element (a fuzz finding: it had no position)")
    func aBadChannelDateIsPositioned() {
        #expect(errorLines { () throws(ContentError) in
            _ = try ArxivRSSImporter().papers(from: Self.channel(pubDate: "Mon, 08 Se00:00 -0400"), path: "bad.rss")
        } == ["bad.rss:5:13: the channel's <pubDate> is not a date: \"Mon, 08 Se00:00 -0400\""])
    }

    @Test func aChannelWithoutItemsIsNoPapersAndAWarning() throws {
        let result = try ArxivRSSImporter().papers(from: Self.channel(pubDate: nil), path: "sunday.rss")
        #expect(result.papers.isEmpty && result.updates.isEmpty)
        #expect(result.warnings.map(\.description) == [
            "sunday.rss: the feed has no announcements (arXiv announces nothing on weekends and holidays)"])
    }

    @Test func anUnknownAnnounceTypeAndAMissingIDArePositionedErrors() {
        let items = """
            <item>
              <title>A</title><link>https://arxiv.org/abs/2612.00001</link>
              <guid>oai:arXiv.org:2612.00001v1</guid><arxiv:announce_type>withdrawn</arxiv:announce_type>
            </item>
            <item>
              <title>B</title><link>https://example.org/b</link><guid>b</guid>
            </item>
        """
        let lines = errorLines { () throws(ContentError) in
            _ = try ArxivRSSImporter().papers(from: Self.channel(items: items), path: "x.rss")
        }
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("x.rss:") && lines[0].hasSuffix("item 2612.00001: unknown <arxiv:announce_type> \"withdrawn\""), "\(lines)")
        #expect(lines[1].hasSuffix("item has no arXiv id in <guid> or <link>: \"b\""), "\(lines)")
    }

    @Test func malformedXMLIsPositioned() {
        let lines = errorLines { () throws(ContentError) in
            _ = try ArxivRSSImporter().papers(from: Data("<rss version=\"2.0\"><channel><title>x</channel></rss>".utf8), path: "cut.rss")
        }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("cut.rss:1:") == true && lines.first?.contains("malformed XML") == true, "\(lines)")
    }

    @Test func rfc822DatesKeepTheirWrittenDay() {
        #expect(ArxivRSSImporter.day(fromRFC822: "Tue, 01 Dec 2026 00:00:00 -0500") == Day(iso: "2026-12-01"))
        #expect(ArxivRSSImporter.day(fromRFC822: "1 Feb 2026 23:59:59 +0000") == Day(iso: "2026-02-01"))
        #expect(ArxivRSSImporter.day(fromRFC822: "31 Feb 2026 00:00:00 +0000") == nil)
        #expect(ArxivRSSImporter.day(fromRFC822: "yesterday") == nil)
    }

    @Test func arxivImporterTellsAtomFromRSS() throws {
        let rss = try ArxivImporter().papers(from: try Self.sample(), path: "a.rss")
        #expect(rss.papers.count == 2 && rss.updates.count == 2)
        let atom = try ArxivImporter().papers(from: Data(try ImportFixtures.text("arxiv-api.sample.xml").utf8), path: "a.xml")
        #expect(atom.papers.count == 3 && atom.updates.isEmpty)
        #expect(ArxivImporter.rootElement(Data("<?xml version='1.0'?>\n<!-- c -->\n<rss version=\"2.0\">".utf8)) == "rss")
        #expect(ArxivImporter.rootElement(Data("<atom:feed xmlns:atom=\"x\">".utf8)) == "feed")
        #expect(errorLines { () throws(ContentError) in
            _ = try ArxivImporter().papers(from: Data("<!DOCTYPE html><html><body>Rate exceeded</body></html>".utf8), path: "page.html")
        } == ["page.html:1:1: not an arXiv feed: the root element is <html> (expected an arXiv API response <feed> or an announcement RSS <rss>)"])
    }
}
