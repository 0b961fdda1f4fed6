@testable import DaybookDeploy
import DaybookSystem
import Testing

@Suite("Globs, content types, cache rules and phases")
struct HeaderRulesTests {
    @Test(arguments: [
        ("**", "a/b/c.html", true),
        ("*.html", "index.html", true),
        ("*.html", "papers/x/index.html", false),
        ("**/*.html", "index.html", true),
        ("**/*.html", "papers/x/index.html", true),
        ("assets/**", "assets/fonts/a.woff2", true),
        ("assets/**", "assetsx/a.css", false),
        ("papers/*/index.html", "papers/2405.01234/index.html", true),
        ("papers/*/index.html", "papers/a/b/index.html", false),
        ("**/*.{css,js}", "assets/app.js", true),
        ("**/*.{css,js}", "assets/app.json", false),
        ("img/?.png", "img/a.png", true),
        ("img/?.png", "img/ab.png", false),
        ("[a-c]*.txt", "b.txt", true),
        ("[!a-c]*.txt", "b.txt", false),
        ("feed.*", "feed.xml", true),
        ("feed.*", "tags/x/feed.xml", false),
    ])
    func globsMatchPathsSegmentBySegment(pattern: String, path: String, matches: Bool) {
        #expect(Glob(pattern).matches(path) == matches)
    }

    @Test func contentTypesComeFromTheExtensionIgnoringCase() {
        #expect(MediaType.of("papers/x/index.html") == "text/html; charset=utf-8")
        #expect(MediaType.of("feed.xml") == "application/rss+xml; charset=utf-8")  // as the preview serves it
        #expect(MediaType.of("tags/llm/feed.xml") == "application/rss+xml; charset=utf-8")
        #expect(MediaType.of("atom.xml") == "application/atom+xml; charset=utf-8")
        #expect(MediaType.of("sitemap.xml") == "application/xml; charset=utf-8")
        #expect(MediaType.of("feed.json") == "application/feed+json; charset=utf-8")
        #expect(MediaType.of("search/index/meta.json") == "application/json; charset=utf-8")
        #expect(MediaType.of("assets/STYLE.CSS") == "text/css; charset=utf-8")
        #expect(MediaType.of("assets/app.js") == "text/javascript; charset=utf-8")
        #expect(MediaType.of("assets/logo.svg") == "image/svg+xml")
        #expect(MediaType.of("assets/fonts/inter.woff2") == "font/woff2")
        #expect(MediaType.of("robots.txt") == "text/plain; charset=utf-8")
        #expect(MediaType.of("LICENSE") == "application/octet-stream")
        #expect(MediaType.of(".hidden") == "application/octet-stream")
        #expect(MediaType.of("data.unknown") == "application/octet-stream")
    }

    @Test func defaultCacheRulesKeepFingerprintedAssetsForAYearAndPagesAndFeedsBriefly() {
        let rules = CacheControlRules.defaults
        #expect(rules.cacheControl(forPath: "assets/style.3f2a9c1b.css") == "public, max-age=31536000, immutable")
        #expect(rules.cacheControl(forPath: "assets/app.0123456789abcdef.js") == "public, max-age=31536000, immutable")
        #expect(rules.cacheControl(forPath: "index.html") == "public, max-age=300, must-revalidate")
        #expect(rules.cacheControl(forPath: "papers/2405.01234/index.html") == "public, max-age=300, must-revalidate")
        #expect(rules.cacheControl(forPath: "feed.xml") == "public, max-age=300, must-revalidate")
        #expect(rules.cacheControl(forPath: "sitemap.xml") == "public, max-age=300, must-revalidate")
        #expect(rules.cacheControl(forPath: "search/index.json") == "public, max-age=300, must-revalidate")
        #expect(rules.cacheControl(forPath: "assets/style.css") == "public, max-age=3600")
        #expect(rules.cacheControl(forPath: "assets/logo.svg") == "public, max-age=3600")
    }

    @Test func assetsGoFirstThenPagesThenFeedsAndTheSitemap() {
        #expect(DeployPhase.phase(forPath: "assets/style.css") == .assets)
        #expect(DeployPhase.phase(forPath: "search/index.json") == .assets)
        #expect(DeployPhase.phase(forPath: "assets/logo.svg") == .assets)
        #expect(DeployPhase.phase(forPath: "index.html") == .pages)
        #expect(DeployPhase.phase(forPath: "404.html") == .pages)
        #expect(DeployPhase.phase(forPath: "feed.xml") == .feeds)
        #expect(DeployPhase.phase(forPath: "tags/llm/feed.xml") == .feeds)
        #expect(DeployPhase.phase(forPath: "feed.json") == .feeds)
        #expect(DeployPhase.phase(forPath: "sitemap.xml") == .feeds)
        #expect(DeployPhase.phase(forPath: "robots.txt") == .feeds)
        #expect(DeployPhase.allCases.sorted() == [.assets, .pages, .feeds])
    }
}
