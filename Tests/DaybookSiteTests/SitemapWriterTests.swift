import DaybookContent
import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct SitemapWriterTests {
    let routes = Reader.routes

    @Test func listsPagesSortedWithLastmodFromContent() {
        let files = SitemapWriter(routes: routes).write([
            .init(path: "/sub/papers/papers/b/", lastmod: Reader.day("2026-11-20")),
            .init(path: "/sub/papers/", lastmod: nil),
        ])
        #expect(files.count == 1)
        #expect(files[0].path == "sitemap.xml")
        #expect(files[0].text == """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>https://example.org/sub/papers/</loc></url>
            <url><loc>https://example.org/sub/papers/papers/b/</loc><lastmod>2026-11-20</lastmod></url>
            </urlset>

            """)
    }

    @Test func becomesAnIndexOverTheLimit() {
        let entries = (1...5).map { SitemapWriter.Entry(path: "/sub/papers/papers/\($0)/", lastmod: Reader.day("2026-11-0\($0)")) }
        let files = SitemapWriter(routes: routes, limit: 2).write(entries)
        #expect(files.map(\.path) == ["sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"])
        #expect(files[0].text.contains("<sitemap><loc>https://example.org/sub/papers/sitemap-3.xml</loc><lastmod>2026-11-05</lastmod></sitemap>"))
        #expect(files[3].text.contains("papers/5/"))
    }

    @Test func robotsPointsToTheSitemap() {
        #expect(SitemapWriter(routes: routes).robots() == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/papers/sitemap.xml\n")
    }
}
