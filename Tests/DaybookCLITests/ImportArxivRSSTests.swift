import Foundation
import Testing

@Suite("daybook import arxiv with announcement RSS, run as a user runs it")
struct ImportArxivRSSTests {
    static let sample = SiteFolder.repositoryRoot + "/Tests/ImportFixtures/arxiv-rss.sample.xml"

    @Test("imports new and cross items; replace items update papers already present")
    func importsRSS() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        let result = try site.daybook("import", "arxiv", Self.sample)
        #expect(result.status == 0, "\(result)")
        // 2509.04664 (new) and hep-ex/0307015 (replace-cross) are in the fixture; 2408.11029 (replace) is not.
        #expect(result.stdoutLines == ["Imported 2 papers from 1 file into content: 1 new, 2 updated, 0 unchanged, 0 skipped, "
                                       + "1 new version of papers not on this site"], "\(result)")
        #expect(site.exists("content/papers/2025-09-08/2509.05012.md"))
        #expect(!site.files(under: "content/papers").contains { $0.contains("2408.11029") })
        let old = site.read("content/papers/2003-07-08/hep-ex_0307015.md") ?? ""
        #expect(old.contains("day: 2003-07-08"), "a replacement keeps the record's day")
        let again = try site.daybook("import", "arxiv", Self.sample)
        #expect(again.stdoutLines.first?.contains("0 new, 0 updated, 3 unchanged") == true, "\(again)")
    }

    @Test("an RSS error feed, a page that is no feed, and a weekend's empty feed")
    func errorsAndEmptyFeeds() throws {
        let site = SiteFolder()
        defer { site.remove() }
        site.write("error.xml", try String(contentsOfFile: SiteFolder.repositoryRoot + "/Tests/Replay/recordings/arxiv-rss-error.xml", encoding: .utf8))
        var result = try site.daybook("import", "arxiv", "error.xml")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.first == "error.xml:4:11: arXiv answered with an error feed: \"Feed error for query: cs.XX\" (check the categories)", "\(result)")
        site.write("page.html", "<!DOCTYPE html>\n<html><body>Too many requests</body></html>\n")
        result = try site.daybook("import", "arxiv", "page.html")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines.first?.hasPrefix("page.html:1:1: not an arXiv feed: the root element is <html>") == true, "\(result)")
        #expect(!site.exists("content"))
        site.write("sunday.xml", try String(contentsOfFile: SiteFolder.repositoryRoot + "/Tests/Replay/recordings/arxiv-rss-empty.xml", encoding: .utf8))
        result = try site.daybook("import", "arxiv", "sunday.xml")
        #expect(result.status == 0, "\(result)")
        #expect(result.stderrLines == ["sunday.xml: the feed has no announcements (arXiv announces nothing on weekends and holidays)"], "\(result)")
        #expect(result.stdoutLines == ["Imported 0 papers from 1 file into content: 0 new, 0 updated, 0 unchanged, 0 skipped"], "\(result)")
    }
}
