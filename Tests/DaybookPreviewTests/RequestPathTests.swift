@testable import DaybookPreview
import Testing

@Suite struct RequestPathTests {
    let files: Set<String> = ["index.html", "days/2026-11-20/index.html", "feed.xml", "tags/%C3%A9t%C3%A9/index.html"]

    func resolve(_ target: String, base: String = "/papers/") -> RequestPath.Resolution {
        RequestPath(basePath: base).resolve(target) { files.contains($0) }
    }

    @Test func foldersResolveToTheirIndexAndQueriesAreIgnored() {
        #expect(resolve("/papers/") == .file("index.html"))
        #expect(resolve("/papers/days/2026-11-20/?x=1#top") == .file("days/2026-11-20/index.html"))
        #expect(resolve("/papers/feed.xml") == .file("feed.xml"))
        #expect(resolve("/", base: "/") == .file("index.html"))
        #expect(resolve("/papers/tags/%C3%A9t%C3%A9/") == .file("tags/%C3%A9t%C3%A9/index.html"))
    }

    @Test func aFolderWithoutItsSlashAndTheBasePathRedirect() {
        #expect(resolve("/papers/days/2026-11-20") == .redirect("/papers/days/2026-11-20/"))
        #expect(resolve("/papers") == .redirect("/papers/"))
    }

    @Test func pathsOutsideTheBaseOrMissingAreNotFound() {
        #expect(resolve("/") == .notFound)
        #expect(resolve("/feed.xml") == .notFound)
        #expect(resolve("/papers/missing.html") == .notFound)
        #expect(resolve("/papers//feed.xml") == .notFound)
    }

    @Test func dotSegmentsEncodedOrNotAndBrokenEscapesAreBadRequests() {
        for target in ["/papers/../etc/passwd", "/../papers/", "/papers/%2e%2e/x", "/papers/%2E%2e%2Fetc", "/papers/a/..%2F..%2F",
                       "/papers/./index.html", "/papers/%2e/index.html", "/papers/%00", "/papers/%zz", "/papers/%4", "/papers/%C3",
                       "papers/", "*", "http://example.org/papers/"] {
            #expect(resolve(target) == .badRequest, "\(target)")
        }
    }

    @Test func percentDecodingHandlesMixedCaseAndUTF8() {
        #expect(RequestPath.percentDecoded("/a%20b%2Fc%c3%A9") == "/a b/cé")
        #expect(RequestPath.percentDecoded("/%FF") == nil)
    }
}
