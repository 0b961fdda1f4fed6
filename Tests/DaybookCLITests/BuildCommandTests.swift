import Foundation
import Testing

@Suite("daybook build, run as a user runs it")
struct BuildCommandTests {
    @Test("builds the valid fixture site: exit 0, a summary line, pages and feeds on disk")
    func buildsValidSite() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        let result = try site.daybook("build")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.first?.hasPrefix("Built 7 papers over 4 days: ") == true, "\(result)")
        #expect(site.exists("site/index.html"))
        #expect(site.exists("site/papers/2405.01234/index.html"))
        #expect(site.exists("site/feed.xml"))
        #expect(site.exists("site/atom.xml"))
        #expect(site.exists("site/feed.json"))
    }
}
