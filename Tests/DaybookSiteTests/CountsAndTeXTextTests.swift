import DaybookContent
import Foundation
import Testing
@testable import DaybookSearch
@testable import DaybookSite

/// Counts read as English ("1 paper"), and TeX text mode reaches pages, feeds and metadata as what it means.
@Suite struct CountsAndTeXTextTests {
    func render(_ papers: [String: String]) throws -> RenderedSite {
        let site = Reader.Site(config: "title: Counts\nbase_url: https://example.org/\n", papers: papers)
        defer { site.remove() }
        return try SiteBuilder(options: BuildOptions(siteRoot: site.path)).render().site
    }

    @Test("a tag, the archive and the tag index with one of a thing say '1 paper', '1 day', '1 tag'")
    func singularCounts() throws {
        let site = try render(["2026-11-20/2405.00001.md": Reader.record("2405.00001", day: "2026-11-20", tags: ["solo"])])
        let tag = try #require(Reader.text(site, "tags/solo/index.html"))
        #expect(tag.contains("<p class=\"lede\">1 paper, newest first."), "\(tag)")
        let archive = try #require(Reader.text(site, "archive/index.html"))
        #expect(archive.contains("1 day, 1 paper."))
        let tags = try #require(Reader.text(site, "tags/index.html"))
        #expect(tags.contains("1 tag, each with its papers"))
        #expect(!(tag + archive + tags).contains("1 papers") && !(archive + tags).contains("1 days") && !tags.contains("1 tags"))
    }

    @Test("TeX accents and escapes in titles and abstracts show as meant in pages, feeds and JSON-LD")
    func texTextModeEverywhere() throws {
        // A plain YAML scalar keeps backslashes as written, as arXiv's titles have them.
        let record = #"""
            ---
            id: "2405.00001"
            title: R\'{e}nyi Divergence at 57\% for G\"{o}tz
            authors: [Ada Lovelace]
            day: 2026-11-20
            ---
            We study R\'{e}nyi entropy (``robust'') with $\'{x}$ kept.
            """#
        let site = try render(["2026-11-20/2405.00001.md": record])
        let page = try #require(Reader.text(site, "papers/2405.00001/index.html"))
        #expect(page.contains("Rényi Divergence at 57% for Götz"))
        #expect(page.contains("We study Rényi entropy (“robust”)"))
        #expect(page.contains("\"headline\":\"Rényi Divergence at 57% for Götz\""))
        #expect(page.contains(#"\(\'{x}\)"#), "math is left to KaTeX")
        let documents = site.paths.filter { $0.hasPrefix("search/index/docs/") }.compactMap { Reader.text(site, $0) }.joined()
        #expect(documents.contains("Rényi Divergence at 57% for Götz") && documents.contains("We study Rényi entropy (“robust”)"))
        let paper = Reader.paper("2405.00001", title: #"R\'{e}nyi at 57\%"#, abstract: #"G\"{o}tz and $\'{x}$"#)
        #expect(Set(SearchIndex.impacts(paper).keys).isSuperset(of: ["renyi", "gotz"]))
        for feed in ["feed.xml", "atom.xml", "feed.json"] {
            let text = try #require(Reader.text(site, feed))
            #expect(text.contains("Rényi Divergence at 57% for Götz"), "\(feed)")
            #expect(!text.contains(#"R\'{e}nyi"#), "\(feed)")
        }
    }
}
