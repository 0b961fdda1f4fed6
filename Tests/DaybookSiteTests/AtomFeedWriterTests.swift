import DaybookContent
import Foundation
import FoundationXML
import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct AtomFeedWriterTests {
    let writer = AtomFeedWriter(config: Reader.config, routes: Reader.routes)

    @Test func writesSelfLinkAuthorsVersionFreeIdsAndContentDates() {
        let (_, views) = Reader.views([
            Reader.paper("2405.01234", day: "2026-11-20", authors: ["Ada Lovelace", "Alan Turing"], withdrawn: "2026-11-25"),
        ])
        let feed = writer.write(views, selfPath: Reader.routes.atomFeed)
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/sub/papers/atom.xml\"/>"))
        #expect(feed.contains("<author>\n<name>Reader &amp; Papers</name>\n<uri>https://example.org/sub/papers/</uri>\n</author>"))
        #expect(feed.contains("<entry>\n<id>https://example.org/sub/papers/papers/2405.01234/</id>"))
        #expect(feed.contains("<author><name>Ada Lovelace</name></author>\n<author><name>Alan Turing</name></author>"))
        #expect(feed.contains("<published>2026-11-20T00:00:00Z</published>"))
        #expect(feed.contains("<updated>2026-11-25T00:00:00Z</updated>"))
    }

    @Test func escapesItemHTMLExactlyOnce() {
        let (_, views) = Reader.views([Reader.paper("x1", title: "A <b> & C", abstract: "Text with *emphasis*.")])
        let feed = writer.write(views, selfPath: Reader.routes.atomFeed)
        #expect(feed.contains("<title>A &lt;b&gt; &amp; C</title>"))
        #expect(feed.contains("&lt;em&gt;emphasis&lt;/em&gt;"))
        #expect(!feed.contains("&amp;lt;"))
    }

    @Test func aFeedWithoutEntriesIsStillValidAndDatedFromTheEpoch() throws {
        let feed = writer.write([], selfPath: Reader.routes.atomFeed)
        #expect(feed.contains("<updated>1970-01-01T00:00:00Z</updated>"))
        #expect(!feed.contains("<entry>"))
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse())
    }

    @Test func isWellFormedXML() {
        let (_, views) = Reader.views([Reader.paper("a", title: "Ünïcode & \u{1}control"), Reader.paper("b")])
        let parser = XMLParser(data: Data(writer.write(views, selfPath: Reader.routes.atomFeed).utf8))
        #expect(parser.parse())
    }
}
