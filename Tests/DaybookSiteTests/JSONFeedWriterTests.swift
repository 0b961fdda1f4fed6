import DaybookContent
import DaybookSystem
import Foundation
import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct JSONFeedWriterTests {
    let writer = JSONFeedWriter(config: Reader.config, routes: Reader.routes)

    func decode(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func writesAJSONFeed11WithAbsoluteIdsAndContentDates() throws {
        let (_, views) = Reader.views([
            Reader.paper("2405.01234", day: "2026-11-20", title: "Quotes \" and </script>", tags: ["llm"], summary: "One line."),
        ])
        let feed = try decode(writer.write(views, selfPath: Reader.routes.jsonFeed))
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["feed_url"] as? String == "https://example.org/sub/papers/feed.json")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["id"] as? String == "https://example.org/sub/papers/papers/2405.01234/")
        #expect(items[0]["title"] as? String == "Quotes \" and </script>")
        #expect(items[0]["date_published"] as? String == "2026-11-20T00:00:00Z")
        #expect(items[0]["summary"] as? String == "One line.")
        #expect(items[0]["tags"] as? [String] == ["llm"])
        #expect((items[0]["content_html"] as? String)?.contains("<p>An abstract.</p>") == true)
    }

    @Test func aFeedWithoutItemsIsStillValid() throws {
        let feed = try decode(writer.write([], selfPath: Reader.routes.jsonFeed))
        #expect((feed["items"] as? [Any])?.isEmpty == true)
    }

    @Test func escapesJSONStringsSafelyForScripts() {
        #expect(Escaping.json("a\"b\\c\n</script>&") == "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0026\"")
        #expect(Escaping.json(["x", "y"]) == "[\"x\",\"y\"]")
        #expect(Escaping.json("\u{1}") == "\"\\u0001\"")
    }
}
