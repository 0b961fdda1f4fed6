import DaybookContent
import DaybookPreview
import DaybookSite
import DaybookTestSupport
import Foundation
import Testing

/// The preview's fast path for edited records (same file, same id), driven by seeded random
/// edits on a site with short pages and feeds, so edits move papers across page, feed, day, week,
/// month and tag boundaries. After every step every file must equal a fresh full build.
@Suite struct IncrementalEditTests {
    /// A small deterministic generator (SplitMix64), so a failing seed can be replayed.
    typealias Generator = SeededGenerator

    static let tags = ["llm", "vision", "agents", "rl", "diffusion", "LLM", "Robotics", "speech"]
    static let days = ["2026-11-02", "2026-11-09", "2026-11-15", "2026-11-16", "2026-11-17", "2026-11-18",
                       "2026-11-19", "2026-11-20", "2026-11-30", "2026-12-01"]

    static func randomRecord(_ record: TestSite.Record, _ random: inout Generator) -> TestSite.Record {
        var record = record
        switch Int.random(in: 0..<6, using: &random) {
        case 0: record.upvotes = Int.random(in: 0..<12, using: &random)
        // Titles from a small set, so that the same title under two ids comes and goes.
        case 1: record.title = "Paper \(Int.random(in: 0..<40, using: &random))"
        case 2: record.day = days.randomElement(using: &random)!
        case 3: record.tags = Array(tags.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)))
        case 4: record.abstract = "Changed \(Int.random(in: 0..<1000, using: &random)): $y$ and *more*."
        default:
            record.upvotes = Int.random(in: 0..<12, using: &random)
            record.day = days.randomElement(using: &random)!
            record.tags = Array(tags.shuffled(using: &random).prefix(2))
        }
        return record
    }

    /// Adds, deletes and id changes (the slower path) mixed with edits.
    @Test(arguments: [4, 5] as [UInt64])
    func randomAddsDeletesAndEditsMatchAFullBuildByteForByte(seed: UInt64) throws {
        let site = try TestSite(papers: 30)
        try site.write("daybook.yml", "title: Test Papers\nbase_url: https://example.org/papers/\nper_page: 3\nfeed_items: 4\n")
        var options = site.options()
        options.bodyEnd = ReloadScript.markup
        var builder = try IncrementalBuilder(options: options, origin: IncrementalBuildTests.origin)
        // The same steps built with the build cache into a folder of their own: one engine
        // (`PagePlan`), so the preview and `daybook build` render the same pages for each step.
        var cached = site.options()
        cached.output = site.root + "/cached-site"
        cached.cacheDirectory = site.root + "/.daybook-cache/build"
        _ = try SiteBuilder(options: cached).build()
        var records: [(path: String, record: TestSite.Record)] = (0..<30).map { (TestSite.record($0).relativePath, TestSite.record($0)) }
        var random = Generator(state: seed)
        var next = 100
        for step in 0..<30 {
            var paths = Set<String>()
            switch Int.random(in: 0..<4, using: &random) {
            case 0:
                var record = IncrementalEditTests.randomRecord(TestSite.record(next % 30), &random)
                record.id = String(format: "2411.%05d", next)
                next += 1
                paths.insert(try site.writeRecord(record))
                records.append((record.relativePath, record))
            case 1 where records.count > 5:
                let gone = records.remove(at: Int.random(in: 0..<records.count, using: &random))
                try site.remove(gone.path)
                paths.insert(gone.path)
            case 2:
                let which = Int.random(in: 0..<records.count, using: &random)
                records[which].record.id = String(format: "2411.%05d", next)
                next += 1
                try site.writeRecord(records[which].record, path: records[which].path)
                paths.insert(records[which].path)
            default:
                let which = Int.random(in: 0..<records.count, using: &random)
                records[which].record = IncrementalEditTests.randomRecord(records[which].record, &random)
                try site.writeRecord(records[which].record, path: records[which].path)
                paths.insert(records[which].path)
            }
            let update = try builder.apply(SiteChanges(records: paths))
            #expect(update.kind == .pages || update.kind == .none, "step \(step)")
            try IncrementalBuildTests().expectSameAsFullBuild(builder, site, step: "seed \(seed) step \(step)")
            let build = try SiteBuilder(options: cached).build()
            #expect(build.pagesRendered == update.pagesRendered,
                    "seed \(seed) step \(step): the cached build rendered \(build.pagesRendered) pages, the preview \(update.pagesRendered)")
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func randomEditsMatchAFullBuildByteForByte(seed: UInt64) throws {
        let site = try TestSite(papers: 40)
        try site.write("daybook.yml", "title: Test Papers\nbase_url: https://example.org/papers/\nper_page: 3\nfeed_items: 4\n")
        var options = site.options()
        options.bodyEnd = ReloadScript.markup
        var builder = try IncrementalBuilder(options: options, origin: IncrementalBuildTests.origin)
        var records = (0..<40).map(TestSite.record)
        var random = Generator(state: seed)
        var rendered = 0, changedPages = 0
        for step in 0..<30 {
            let count = Int.random(in: 1...3, using: &random)
            var paths = Set<String>()
            for _ in 0..<count {
                let which = Int.random(in: 0..<records.count, using: &random)
                let path = TestSite.record(which).relativePath
                records[which] = IncrementalEditTests.randomRecord(records[which], &random)
                try site.writeRecord(records[which], path: path)
                paths.insert(path)
            }
            let before = builder.site
            // Now and then the save comes with a template or asset event (the same batch).
            let changes = SiteChanges(records: paths, templates: step % 7 == 6, assets: step % 5 == 4)
            let update = try builder.apply(changes)
            #expect(changes.templates ? update.kind == .allPages : (update.kind == .pages || update.kind == .none || update.kind == .assets),
                    "step \(step): \(update.kind)")
            guard !changes.templates else { continue }
            rendered += update.pagesRendered
            changedPages += builder.site.files.filter { $0.key.hasSuffix(".html") && before.files[$0.key] != $0.value }.count
            try IncrementalBuildTests().expectSameAsFullBuild(builder, site, step: "seed \(seed) step \(step)")
            // The warnings, brought up to date for the saved papers only, are a full load's.
            builder.refreshWarnings()
            let full = try SiteBuilder(options: site.options()).render().report.warnings
            #expect(builder.warnings == full, "seed \(seed) step \(step)")
        }
        // The point of the fast path: it renders the pages that change and few others. (A page that
        // shows an edited paper is rendered even when the field that changed is not on it.)
        #expect(rendered >= changedPages && rendered <= changedPages * 5 / 4, "\(rendered) pages rendered, \(changedPages) changed")
    }
}
