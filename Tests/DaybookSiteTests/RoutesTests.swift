import DaybookContent
import DaybookTestSupport
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

    /// A paper's view makes its absolute URL when asked, as `Routes.absolute` does, at the root
    /// and under a base path.
    @Test(arguments: ["https://example.org/sub/papers", "https://example.org", "http://localhost:1313/a/b/"])
    func aPapersAbsoluteURLIsTheRoutesOne(baseURL: String) {
        let routes = Routes(config: SiteConfig(baseURL: baseURL))
        let (_, views) = Reader.views([Reader.paper("2405.01234"), Reader.paper("cond-mat/0412498")], routes: routes)
        for view in views {
            #expect(view.absoluteURL == routes.absolute(routes.paper(view.paper.id)))
            #expect(view.absoluteURL.hasPrefix(routes.baseURL))
        }
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

    /// The byte-level slug of ASCII tags is the Unicode one: every ASCII character alone and
    /// between letters, and seeded random ASCII strings.
    @Test func asciiSlugsEqualUnicodeSlugs() {
        var tags = (0..<128).flatMap { code -> [String] in
            let c = String(UnicodeScalar(UInt8(code)))
            return [c, "a" + c + "B", c + c + "9"]
        }
        var random = SeededGenerator(state: 11)
        for _ in 0..<2000 {
            tags.append(String(decoding: (0..<Int.random(in: 0...12, using: &random)).map { _ in UInt8.random(in: 0..<128, using: &random) },
                               as: UTF8.self))
        }
        for tag in tags {
            #expect(Routes.asciiTagSlug(tag) == Routes.unicodeTagSlug(tag), "\(Array(tag.utf8))")
        }
    }
}
