import DaybookContent
import Testing
@testable import DaybookLibrary
@testable import DaybookSite

@Suite struct RoutesTests {
    let routes = Routes(config: SiteConfig(baseURL: "https://example.org/sub/papers"))

    @Test func honoursTheBaseURLsPathEverywhere() {
        #expect(routes.basePath == "/sub/papers/")
        #expect(routes.home == "/sub/papers/")
        #expect(routes.day(day("2026-11-20")) == "/sub/papers/days/2026-11-20/")
        #expect(routes.paper("2405.01234") == "/sub/papers/papers/2405.01234/")
        #expect(routes.feed == "/sub/papers/feed.xml")
        #expect(routes.asset("style.css") == "/sub/papers/assets/style.css")
    }

    @Test func makesAbsoluteURLsFromTheBaseURL() {
        #expect(routes.absolute(routes.paper("2405.01234")) == "https://example.org/sub/papers/papers/2405.01234/")
        #expect(routes.absolute(routes.home) == "https://example.org/sub/papers/")
    }

    @Test func mapsURLsToFilesInTheOutputFolder() {
        #expect(routes.file(for: routes.home) == "index.html")
        #expect(routes.file(for: routes.day(day("2026-11-20"))) == "days/2026-11-20/index.html")
        #expect(routes.file(for: routes.feed) == "feed.xml")
    }

    @Test func givesOldStyleArxivIDsOneSegment() {
        #expect(routes.paper("hep-ex/0307015") == "/sub/papers/papers/hep-ex_0307015/")
    }

    @Test func slugsTagsForURLs() {
        #expect(Routes.tagSlug("Vision Language") == "vision-language")
        #expect(Routes.tagSlug("C++ & Rust") == "c-rust")
        #expect(Routes.tagSlug("Über") == "%C3%BCber")
        #expect(Routes.tagSlug("!!!") == "tag")
    }
}
