import DaybookContent
import DaybookRender
import DaybookSite
import DaybookSystem
import Foundation
import Testing
@testable import DaybookPreview

/// The preview makes pages and feeds when they are requested and keeps them until an update
/// makes them stale: what it serves is always what a build writes.
@Suite struct PreviewPagesTests {
    func makeBuilder(_ site: TestSite) throws -> IncrementalBuilder {
        var options = site.options()
        options.bodyEnd = ReloadScript.markup
        return try IncrementalBuilder(options: options, origin: IncrementalBuildTests.origin)
    }

    @Test func noPageIsMadeUntilItIsRequestedAndTemplateChangesMakeNone() throws {
        let site = try TestSite(papers: 12)
        var builder = try makeBuilder(site)
        #expect(builder.pages.madeCount == 0)
        #expect(builder.pageCount > 20)
        let page = "papers/2411.00003/index.html"
        #expect(builder.pages.contents(of: page) != nil)
        #expect(builder.pages.madeCount == 1)

        try site.write("Themes/default/templates/paper.mustache", try site.read("Themes/default/templates/paper.mustache") + "<!-- v2 -->\n")
        let update = try builder.apply(SiteChanges(templates: true))
        #expect(update.kind == .allPages)
        #expect(builder.pages.madeCount == 0, "every page is stale, none is made")
        let made = String(decoding: try #require(builder.pages.contents(of: page)), as: UTF8.self)
        #expect(made.hasSuffix("<!-- v2 -->\n"))
    }

    @Test func anEditKeepsThePagesItDidNotChangeAndRemakesTheOthers() throws {
        let site = try TestSite(papers: 12)
        var builder = try makeBuilder(site)
        // Paper 2 is featured on November 18; the page of the 19th shows none of its fields.
        let unrelated = "days/2026-11-19/index.html", edited = "papers/2411.00002/index.html"
        let before = try #require(builder.pages.contents(of: unrelated))
        let old = try #require(builder.pages.contents(of: edited))
        #expect(builder.pages.madeCount == 2)

        var record = TestSite.record(2)
        record.title = "A retitled paper"
        try site.writeRecord(record)
        let update = try builder.apply(SiteChanges(records: [record.relativePath]))
        #expect(update.kind == .pages)
        #expect(builder.pages.madeCount == 1, "the unrelated page is kept, the edited one is stale")
        #expect(builder.pages.contents(of: unrelated).map { XXH64.hash($0) } == XXH64.hash(before))
        let new = try #require(builder.pages.contents(of: edited))
        #expect(XXH64.hash(new) != XXH64.hash(old))
        #expect(String(decoding: new, as: UTF8.self).contains("A retitled paper"))
        try IncrementalBuildTests().expectSameAsFullBuild(builder, site, step: "after the edit")
    }

    /// After an edit of one paper, the next version shares the page jobs of papers whose related
    /// papers did not change (their keys change only if they show the edited paper), and makes
    /// the edited paper's job anew.
    @Test func anEditSharesTheJobsOfUnaffectedPapers() throws {
        let site = try TestSite(papers: 60)
        var builder = try makeBuilder(site)
        let before = builder.pages.jobs
        let renderer = builder.pages.renderer
        #expect(renderer.pageJobs()[renderer.paperJobs].map(\.path) == renderer.views.map { $0.paper.id.replacingOccurrences(of: "/", with: "_") }.map { "papers/\($0)/index.html" })
        var record = TestSite.record(2)
        record.title = "A retitled paper"
        try site.writeRecord(record)
        _ = try builder.apply(SiteChanges(records: [record.relativePath]))
        let after = builder.pages.jobs, papers = builder.pages.renderer.paperJobs
        #expect(after.count == before.count && papers == renderer.paperJobs)
        let edited = try #require(builder.library.byID["2411.00002"])
        #expect(after[papers.lowerBound + edited] !== before[papers.lowerBound + edited], "the edited paper's job is made anew")
        let shared = papers.filter { after[$0] === before[$0] }.count
        #expect(shared > 0 && shared < papers.count, "\(shared) of \(papers.count) paper jobs shared")
        #expect(after[..<papers.lowerBound].allSatisfy { job in !before.contains { $0 === job } }, "site-wide and day jobs are made anew")
        try IncrementalBuildTests().expectSameAsFullBuild(builder, site, step: "after the edit")
    }

    @Test func aSmallBudgetDropsOldPagesAndServesTheSameBytes() throws {
        let site = try TestSite(papers: 30)
        let builder = try makeBuilder(site)
        let pages = PreviewPages(renderer: builder.pages.renderer, jobs: builder.pages.renderer.pageJobs(),
                                 keys: OutputKeys(), budget: 40_000)
        let paths = Array(pages.paths).sorted()
        let first = paths.map { pages.contents(of: $0).map { XXH64.hash($0) } }
        #expect(pages.madeCount < paths.count, "the budget let go of some pages")
        #expect(paths.map { pages.contents(of: $0).map { XXH64.hash($0) } } == first, "made again, the same")
        #expect(pages.contents(of: "no/such/page.html") == nil)
    }

    @Test func theServedSiteFindsPagesAndFilesAndFilesWin() throws {
        let site = try TestSite(papers: 4)
        let builder = try makeBuilder(site)
        let served = PreviewSession.served(builder)
        #expect(served.has("index.html") && served.has("feed.xml") && served.has("sitemap.xml") && served.has("assets/style.css"))
        #expect(!served.has("nothing.html"))
        #expect(served.contents(of: "feed.xml").map { XXH64.hash($0) } == builder.site.contents(of: "feed.xml").map { XXH64.hash($0) })
        // The search index's files are served from the index, byte for byte what a build writes.
        var options = site.options()
        options.bodyEnd = ReloadScript.markup
        options.baseURL = builder.config.baseURL
        let full = try SiteBuilder(options: options).render().site
        let searchPaths = full.files.keys.filter { $0.hasPrefix("search/index/") }
        #expect(searchPaths.count > 3)
        #expect(!builder.files.files.keys.contains { $0.hasPrefix("search/index/") }, "not copied into the preview's files")
        for path in searchPaths {
            #expect(served.has(path) && served.contents(of: path) == full.contents(of: path), "\(path)")
        }
        #expect(!served.has("search/index/docs/00.json") && served.contents(of: "search/index/docs/00.json") == nil)
    }
}
