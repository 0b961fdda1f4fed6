import DaybookContent
import Foundation
import FoundationXML
import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct DigestFeedWriterTests {
    @Test func writesOneItemPerDayListingItsPapersWithAbsoluteLinks() {
        let (library, views) = Reader.views([
            Reader.paper("a", day: "2026-11-20", upvotes: 3, title: "Fish & Chips"),
            Reader.paper("b", day: "2026-11-20", upvotes: 9),
            Reader.paper("c", day: "2026-11-19"),
        ])
        let days = library.days.map { day in (day: day, papers: library.papersByDay[day]!.map { views[$0] }) }
        let feed = DigestFeedWriter(config: Reader.config, routes: Reader.routes).write(days)
        #expect(feed.components(separatedBy: "<item>").count == 3)
        #expect(feed.contains("<title>Papers of November 20, 2026 (2 papers)</title>"))
        #expect(feed.contains("<guid isPermaLink=\"true\">https://example.org/sub/papers/days/2026-11-20/</guid>"))
        #expect(feed.contains("<pubDate>Fri, 20 Nov 2026 00:00:00 +0000</pubDate>"))
        #expect(feed.contains("&lt;a href=&quot;https://example.org/sub/papers/papers/b/&quot;&gt;Paper b&lt;/a&gt; · Ada Lovelace · 9 upvotes"))
        #expect(feed.contains("Fish &amp;amp; Chips"))  // escaped in the HTML, then once more as XML text
        #expect(feed.contains("<atom:link href=\"https://example.org/sub/papers/days/feed.xml\" rel=\"self\""))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
    }

    @Test func aDigestWithoutDaysIsStillValid() {
        let feed = DigestFeedWriter(config: Reader.config, routes: Reader.routes).write([])
        #expect(!feed.contains("<item>"))
        #expect(!feed.contains("lastBuildDate"))
        #expect(XMLParser(data: Data(feed.utf8)).parse())
    }
}
