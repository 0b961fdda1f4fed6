import Foundation
import Testing
@testable import DaybookSite

/// The daily job with the build cache: a new day of papers re-renders a tag's head and, only when
/// a numbered page fills, the new page and the one before it (whose newer link was the head); an
/// old paper's upvote edit re-renders only the numbered pages that show its day. Read from the
/// build cache's manifest (each output's key), and every build equals a clean one.
@Suite struct DailyTagPagesTests {
    /// 40 papers over ten days, four a day, all tagged `llm`, the even ones `rl` too; three a page.
    static func site() throws -> TestSite {
        let site = try TestSite()
        try site.write("daybook.yml", CachedBuildTests.config)
        for index in 0..<40 { try site.writeRecord(record(index, day: 1 + index / 4)) }
        return site
    }

    static func record(_ index: Int, day: Int, upvotes: Int? = nil) -> TestSite.Record {
        TestSite.Record(id: String(format: "2411.%05d", index), title: "Paper number \(index)",
                        day: String(format: "2026-11-%02d", day), upvotes: upvotes ?? (index * 7) % 11,
                        tags: index % 2 == 0 ? ["llm", "rl"] : ["llm"], abstract: "Abstract \(index).")
    }

    /// Each output's key, from the one manifest the cache holds.
    static func keys(_ site: TestSite) throws -> [String: UInt64] {
        let folder = site.root + "/.daybook-cache/build"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".manifest") }
        try #require(names.count == 1)
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + names[0]))
        let manifest = try #require(BuildManifest(decoding: Array(bytes)))
        return manifest.files.compactMapValues(\.key)
    }

    /// The tag pages (HTML) whose key changed or that are new.
    static func changedTagPages(_ before: [String: UInt64], _ after: [String: UInt64]) -> Set<String> {
        Set(after.keys.filter { $0.hasPrefix("tags/") && $0.hasSuffix(".html") && $0 != "tags/index.html" && before[$0] != after[$0] })
    }

    @Test func aNewDayRerendersTheHeadAndOnlyTheNumberedPagesThatFill() throws {
        let site = try DailyTagPagesTests.site()
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let first = try DailyTagPagesTests.keys(site)
        // llm: 40 papers, numbered pages 1...12 (36 papers), 4 on the head; rl: 20, pages 1...5, 5 on the head.
        #expect(first["tags/llm/page/12/index.html"] != nil && first["tags/llm/page/13/index.html"] == nil)
        #expect(first["tags/rl/page/5/index.html"] != nil && first["tags/rl/page/6/index.html"] == nil)

        // A day with one paper, tagged llm only: llm's head takes it (5 papers), no page fills.
        try site.writeRecord(DailyTagPagesTests.record(40, day: 11).with(tags: ["llm"]))
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        let second = try DailyTagPagesTests.keys(site)
        #expect(DailyTagPagesTests.changedTagPages(first, second) == ["tags/llm/index.html"])
        try CachedBuildTests.expectSameAsCleanBuild(site, "one paper")

        // A day of three papers, all llm, one rl: llm reaches 44 (its head would hold 6 = 2 × 3, so
        // its oldest 3 fill page 13, and page 12's newer link is page 13 now, no longer the head);
        // rl reaches 21 and fills page 6 the same way.
        for (offset, index) in (41...43).enumerated() {
            try site.writeRecord(DailyTagPagesTests.record(index, day: 12).with(tags: offset == 0 ? ["llm", "rl"] : ["llm"]))
        }
        CachedBuildTests.settle(site)
        let report = try SiteBuilder(options: options).build()
        let third = try DailyTagPagesTests.keys(site)
        #expect(DailyTagPagesTests.changedTagPages(second, third)
                == ["tags/llm/index.html", "tags/llm/page/13/index.html", "tags/llm/page/12/index.html",
                    "tags/rl/index.html", "tags/rl/page/6/index.html", "tags/rl/page/5/index.html"])
        try CachedBuildTests.expectSameAsCleanBuild(site, "three papers")
        // What the report counts is what the keys say changed.
        let changedPages = third.keys.filter { $0.hasSuffix(".html") && second[$0] != third[$0] }
        #expect(report.pagesRendered == changedPages.count)
        let page1 = try site.read("site/tags/llm/page/1/index.html")
        #expect(page1.contains("<title>Papers tagged “llm” (page 1) · Test Papers</title>"))
        #expect(page1.contains("<p class=\"lede\">Papers featured Nov 1, 2026, newest first.") && !page1.contains(" of 13"))
    }

    @Test func anUpvoteEditOfAnOldPaperRerendersOnlyThePagesShowingItsDay() throws {
        let site = try DailyTagPagesTests.site()
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let before = try DailyTagPagesTests.keys(site)
        // Paper 11 (2026-11-03, llm only), its day's last, becomes its first. The day's four llm
        // papers are positions 28...31 of 40 newest first: page 4 shows 28...30, page 3 shows 31
        // (and two of 2026-11-02), so paper 11 moves from page 3 to page 4 and paper 8 the other
        // way; rl (papers 8 and 10 of that day) keeps its order, and every other page its papers.
        try site.writeRecord(DailyTagPagesTests.record(11, day: 3, upvotes: 99))
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        let after = try DailyTagPagesTests.keys(site)
        #expect(DailyTagPagesTests.changedTagPages(before, after) == ["tags/llm/page/3/index.html", "tags/llm/page/4/index.html"])
        try CachedBuildTests.expectSameAsCleanBuild(site, "upvote edit")
    }
}

extension TestSite.Record {
    func with(tags: [String]) -> TestSite.Record {
        var record = self
        record.tags = tags
        return record
    }
}
