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

    /// A build writes the sitemap from the jobs without keeping entries; the preview keeps them:
    /// the same files either way.
    @Test func aBuildsSitemapIsThePreviewsSitemap() throws {
        let papers = (0..<9).map { Reader.paper("s\($0)", day: "2026-11-2\($0 % 3)", tags: $0 % 2 == 0 ? ["vision"] : []) }
        let renderer = try Reader.renderer(papers)
        let jobs = renderer.pageJobs()
        let kept = SitemapEntries(jobs: jobs, routes: routes).files(routes: routes)
        let made = SitemapEntries.files(jobs: jobs, routes: routes)
        #expect(made.map(\.path) == kept.map(\.path))
        #expect(made.map(\.text) == kept.map(\.text))
        #expect(made[0].text.contains("<loc>https://example.org/sub/papers/papers/s4/</loc>"))
        #expect(!made[0].text.contains("404"), "pages not listed stay out")
    }

    @Test func robotsPointsToTheSitemap() {
        #expect(SitemapWriter(routes: routes).robots() == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/sub/papers/sitemap.xml\n")
    }
}
