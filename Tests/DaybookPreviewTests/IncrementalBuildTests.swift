import DaybookContent
import DaybookPreview
import DaybookSite
import Foundation
import Testing

/// Every step of an editing session, applied incrementally, must leave exactly the files a fresh
/// full build makes: same paths, same bytes. New page kinds are covered without changes here.
@Suite struct IncrementalBuildTests {
    static let origin = "http://127.0.0.1:8000"

    /// How changed records are loaded again.
    enum Reload: CaseIterable, Sendable {
        /// No record parser: every record change reloads all content.
        case allContent
        /// The default one-file parser.
        case recordParser
        /// A one-file parser backed by the full loader, so the one-file path sees exactly its output.
        case loaderBacked
    }

    func makeBuilder(_ site: TestSite, reload: Reload) throws -> IncrementalBuilder {
        var options = site.options()
        options.bodyEnd = ReloadScript.markup
        let siteRoot = site.root
        let parser: IncrementalBuilder.RecordParser?
        switch reload {
        case .allContent: parser = nil
        case .recordParser: parser = IncrementalBuilder.recordFileParser
        case .loaderBacked:
            parser = { (_: String, displayPath: String) throws(ContentError) in
                let loaded = try ContentLoader(siteRoot: siteRoot).load()
                let papers = loaded.papers.filter { $0.source.path == displayPath }
                return (papers, loaded.positions.filter { id, _ in papers.contains { $0.id == id } })
            }
        }
        return try IncrementalBuilder(options: options, origin: IncrementalBuildTests.origin, recordParser: parser)
    }

    /// Compares every file with a fresh full build.
    func expectSameAsFullBuild(_ builder: IncrementalBuilder, _ site: TestSite, step: String,
                               sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var options = site.options()
        options.bodyEnd = ReloadScript.markup
        options.baseURL = builder.config.baseURL
        let full = try SiteBuilder(options: options).render().site
        let paths = Set(full.files.keys)
        let served = Set(builder.site.files.keys)
        #expect(served == paths, "\(step): extra \(served.subtracting(paths).sorted()), missing \(paths.subtracting(served).sorted())",
                sourceLocation: sourceLocation)
        for path in paths.sorted() where builder.site.contents(of: path) != full.contents(of: path) {
            Issue.record("\(step): \(path) differs from a full build", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: Reload.allCases)
    func everyStepOfAnEditingSessionMatchesAFullBuildByteForByte(reload: Reload) throws {
        let site = try TestSite(papers: 20)
        var builder = try makeBuilder(site, reload: reload)
        try expectSameAsFullBuild(builder, site, step: "initial build")
        let pageCount = builder.site.files.keys.filter { $0.hasSuffix(".html") }.count

        func step(_ name: String, _ changes: SiteChanges, expect kind: IncrementalBuilder.Update.Kind? = nil,
                  edit: () throws -> Void) throws {
            try edit()
            let update = try builder.apply(changes)
            if let kind { #expect(update.kind == kind, "\(name)") }
            try expectSameAsFullBuild(builder, site, step: name)
        }

        var record3 = TestSite.record(3)
        record3.abstract = "A *new* abstract for three."
        try step("edit an abstract", SiteChanges(records: [record3.relativePath]), expect: .pages) { try site.writeRecord(record3) }

        var record4 = TestSite.record(4)
        record4.upvotes = 99
        let upvotes = try builder.apply(SiteChanges())
        #expect(upvotes.kind == .none)
        try site.writeRecord(record4)
        let ranked = try builder.apply(SiteChanges(records: [record4.relativePath]))
        #expect(ranked.kind == .pages)
        // Paper pages list related papers (shared tags), so in this small site one edit reaches many
        // paper pages; it must still not re-render every page.
        #expect(ranked.pagesRendered > 0 && ranked.pagesRendered < pageCount, "one edit renders some pages, not \(ranked.pagesRendered) of \(pageCount)")
        #expect(ranked.markdownRendered == 1)
        try expectSameAsFullBuild(builder, site, step: "change upvotes")

        var record5 = TestSite.record(5)
        record5.day = "2026-11-18"
        try step("move a paper to another day", SiteChanges(records: [TestSite.record(5).relativePath])) {
            try site.writeRecord(record5, path: TestSite.record(5).relativePath)
        }

        let newDay = TestSite.Record(id: "2411.90001", title: "On a new day", day: "2026-11-25", upvotes: 3, tags: ["llm"], abstract: "New.")
        try step("add a paper on a new day", SiteChanges(records: [newDay.relativePath])) { try site.writeRecord(newDay) }

        let newTag = TestSite.Record(id: "2411.90002", title: "Robots", day: "2026-11-17", upvotes: 5, tags: ["Robotics Learning"], abstract: "Arms.")
        try step("add a paper with a new tag", SiteChanges(records: [newTag.relativePath])) { try site.writeRecord(newTag) }

        let moved = "content/papers/elsewhere/2411.00006.md"
        try step("rename a record file", SiteChanges(records: [TestSite.record(6).relativePath, moved])) {
            try site.move(TestSite.record(6).relativePath, moved)
        }

        var record7 = TestSite.record(7)
        record7.id = "2411.77777"
        try step("change a paper's id", SiteChanges(records: [TestSite.record(7).relativePath]), expect: .pages) {
            try site.writeRecord(record7, path: TestSite.record(7).relativePath)
        }

        try step("delete a record", SiteChanges(records: [TestSite.record(8).relativePath]), expect: .pages) {
            try site.remove(TestSite.record(8).relativePath)
        }

        // 2026-11-20 holds papers 4, 9, 14, 19: remove them all so the day disappears.
        let lastDay = [4, 9, 14, 19].map { TestSite.record($0).relativePath }
        try step("delete every paper of a day", SiteChanges(records: Set(lastDay))) {
            for path in lastDay { try site.remove(path) }
        }

        try step("change a template", SiteChanges(templates: true), expect: .allPages) {
            let card = try site.read("Themes/default/templates/paper-card.mustache")
            try site.write("Themes/default/templates/paper-card.mustache", card + "<!-- edited -->\n")
        }

        try step("override a template in the site", SiteChanges(templates: true), expect: .allPages) {
            let paper = try site.read("Themes/default/templates/paper.mustache")
            try site.write("templates/paper.mustache", paper.replacingOccurrences(of: "{{/main}}", with: "<p>Override</p>\n{{/main}}"))
        }

        try step("change an asset", SiteChanges(assets: true), expect: .assets) {
            try site.write("Themes/default/assets/style.css", "body { color: red; }\n")
        }
        try step("add an asset", SiteChanges(assets: true), expect: .assets) {
            try site.write("Themes/default/assets/js/extra.js", "console.log(1);\n")
        }
        try step("delete an asset", SiteChanges(assets: true), expect: .assets) {
            try site.remove("Themes/default/assets/js/extra.js")
        }

        try step("change the config", SiteChanges(everything: true), expect: .full) {
            try site.write("daybook.yml", "title: Renamed Papers\nbase_url: https://example.org/other/\n")
        }
        #expect(builder.config.baseURL == "http://127.0.0.1:8000/other/")

        // A bad template: the update fails, naming file, line and column; the site stays as it was.
        let before = builder.site
        let day = try site.read("Themes/default/templates/day.mustache")
        try site.write("Themes/default/templates/day.mustache", day.replacingOccurrences(of: "{{/papers}}", with: ""))
        #expect {
            _ = try builder.apply(SiteChanges(templates: true))
        } throws: { error in
            (error as? BuildError)?.description.hasPrefix("Themes/default/templates/day.mustache:") ?? false
        }
        #expect(builder.site.files == before.files)

        try step("fix the template", SiteChanges(templates: true), expect: .allPages) {
            try site.write("Themes/default/templates/day.mustache", day)
        }
    }

    @Test func aURLCollisionFailsTheUpdateAndKeepsTheLastGoodSite() throws {
        let site = try TestSite(papers: 3)
        var builder = try makeBuilder(site, reload: .recordParser)
        let before = builder.site
        let slug = TestSite.Record(id: "hep-ex_0307015", title: "Slug", day: "2026-11-16", upvotes: 1, tags: [], abstract: "")
        let arxiv = TestSite.Record(id: "hep-ex/0307015", title: "Old id", day: "2026-11-16", upvotes: 1, tags: [], abstract: "")
        try site.writeRecord(slug, path: "content/papers/a.md")
        try site.writeRecord(arxiv, path: "content/papers/b.md")
        #expect {
            _ = try builder.apply(SiteChanges(records: ["content/papers/a.md", "content/papers/b.md"]))
        } throws: { error in
            (error as? BuildError)?.description == "content/papers/a.md:1:1: id 'hep-ex_0307015' would be published at "
                + "/papers/papers/hep-ex_0307015/, as is 'hep-ex/0307015' (content/papers/b.md)"
        }
        #expect(builder.site.files == before.files)
        try site.remove("content/papers/b.md")
        _ = try builder.apply(SiteChanges(records: ["content/papers/a.md", "content/papers/b.md"]))
        try expectSameAsFullBuild(builder, site, step: "after fixing the collision")
    }
}
