import DaybookContent
import DaybookSystem
@testable import DaybookSite
import Foundation
import Testing

/// `build` with the persistent build cache: seeded random edit sessions where every cached build
/// must equal a clean build byte for byte, and the cache's own guarantees (up to date when nothing
/// changed, never trusted when corrupt, stale or contradicted by the output folder).
@Suite struct CachedBuildTests {
    typealias Generator = IncrementalEditTests.Generator

    static let config = "title: Test Papers\nbase_url: https://example.org/papers/\nper_page: 3\nfeed_items: 4\n"

    /// Options for a cached build of `site` into its `site/` folder.
    static func cachedOptions(_ site: TestSite) -> BuildOptions {
        var options = site.options()
        options.cacheDirectory = site.root + "/.daybook-cache/build"
        return options
    }

    /// Every file below `root` by relative path.
    static func tree(_ root: String) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return out }
        while let item = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            out[item] = FileManager.default.contents(atPath: root + "/" + item)
        }
        return out
    }

    /// Builds `site` without a cache into a fresh folder and expects `site/` to equal it.
    static func expectSameAsCleanBuild(_ site: TestSite, _ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = site.root + "/clean-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: clean) }
        var options = site.options()
        options.output = clean
        _ = try SiteBuilder(options: options).build()
        let expected = tree(clean), actual = tree(site.root + "/site")
        #expect(Set(actual.keys) == Set(expected.keys), "\(step): files differ", sourceLocation: sourceLocation)
        let differing = expected.keys.filter { actual[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): \(differing.prefix(5))", sourceLocation: sourceLocation)
    }

    /// Expects the one manifest the cache holds to list exactly the files of `site/`, stored sorted.
    static func expectManifestDescribesOutput(_ site: TestSite, _ step: String,
                                              sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let folder = site.root + "/.daybook-cache/build"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".manifest") }
        try #require(names.count == 1, sourceLocation: sourceLocation)
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + names[0]), sourceLocation: sourceLocation)
        let manifest = try #require(BuildManifest(decoding: Array(bytes)), sourceLocation: sourceLocation)
        #expect(manifest.paths == manifest.files.keys.sorted(), "\(step): stored out of order", sourceLocation: sourceLocation)
        #expect(Set(manifest.files.keys) == Set(tree(site.root + "/site").keys), "\(step): not the output's files",
                sourceLocation: sourceLocation)
    }

    /// Waits until the inputs' stamps are settled: a build that starts now may trust them in the
    /// next build (see `BuildInputs.racyMargin`). Stamps cannot be backdated: setting a file's
    /// time changes its change time.
    static func settle(_ site: TestSite) {
        Thread.sleep(forTimeInterval: 0.15)
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func randomEditSessionsMatchACleanBuildByteForByte(seed: UInt64) throws {
        let site = try TestSite(papers: 30)
        try site.write("daybook.yml", CachedBuildTests.config)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        var records: [(path: String, record: TestSite.Record)] = (0..<30).map { (TestSite.record($0).relativePath, TestSite.record($0)) }
        var random = Generator(state: seed)
        var next = 100
        var kept = 0
        for step in 0..<24 {
            let action = Int.random(in: 0..<10, using: &random)
            switch action {
            case 0:  // a new paper
                var record = IncrementalEditTests.randomRecord(TestSite.record(next % 30), &random)
                record.id = String(format: "2411.%05d", next)
                next += 1
                try site.writeRecord(record)
                records.append((record.relativePath, record))
            case 1 where records.count > 5:  // a deleted paper
                let gone = records.remove(at: Int.random(in: 0..<records.count, using: &random))
                try site.remove(gone.path)
            case 2:  // a new id in the same file
                let which = Int.random(in: 0..<records.count, using: &random)
                records[which].record.id = String(format: "2411.%05d", next)
                next += 1
                try site.writeRecord(records[which].record, path: records[which].path)
            case 3:  // a template edit
                let path = ["Themes/default/templates/paper-card.mustache", "Themes/default/templates/day.mustache",
                            "Themes/default/templates/layout.mustache"].randomElement(using: &random)!
                try site.write(path, try site.read(path) + "<!-- step \(step) -->\n")
            case 4:  // a config edit
                try site.write("daybook.yml", CachedBuildTests.config + "description: Step \(step)\n")
            case 5:  // saved without a change
                let which = Int.random(in: 0..<records.count, using: &random)
                try site.writeRecord(records[which].record, path: records[which].path)
            case 6:  // the output folder, or a section of it, removed behind the builder's back
                let sections = try FileManager.default.contentsOfDirectory(atPath: site.root + "/site").sorted()
                let victim = Bool.random(using: &random) ? "" : "/" + sections.randomElement(using: &random)!
                try FileManager.default.removeItem(atPath: site.root + "/site" + victim)
            case 7:  // nothing at all
                break
            default:  // edits of one to three papers
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let which = Int.random(in: 0..<records.count, using: &random)
                    records[which].record = IncrementalEditTests.randomRecord(records[which].record, &random)
                    try site.writeRecord(records[which].record, path: records[which].path)
                }
            }
            if Int.random(in: 0..<4, using: &random) == 0 { CachedBuildTests.settle(site) }
            let report = try SiteBuilder(options: options).build()
            kept += report.cache?.pagesKept ?? 0
            try CachedBuildTests.expectSameAsCleanBuild(site, "seed \(seed) step \(step) action \(action)")
            try CachedBuildTests.expectManifestDescribesOutput(site, "seed \(seed) step \(step) action \(action)")
        }
        // The cache did save work along the way.
        #expect(kept > 0)
    }

    @Test func aBuildWithNothingChangedIsUpToDateAndWritesNothing() throws {
        let site = try TestSite(papers: 12)
        try site.writeRecord(TestSite.Record(id: "2411.09999", title: "Duplicate", day: "2026-11-16", upvotes: 0,
                                             tags: [], abstract: "Short."))
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        let first = try SiteBuilder(options: options).build()
        #expect(first.cache?.upToDate == false && first.cache?.pagesKept == 0)
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: site.root + "/.daybook-cache/build")
        #expect(cacheFiles.contains(ContentCache.baseName) && cacheFiles.contains(SearchCache.name))
        #expect(!cacheFiles.contains { $0.hasSuffix(".tmp") }, "the caches written while the pages were made are in place")
        let stamps = try FileManager.default.attributesOfItem(atPath: site.root + "/site/index.html")[.modificationDate] as? Date

        let second = try SiteBuilder(options: options).build()
        #expect(second.cache?.upToDate == true)
        #expect(second.write?.written == 0 && second.write?.unchanged == first.files && second.write?.removed == 0)
        #expect(second.warnings == first.warnings)
        #expect(second.files == first.files)
        #expect(try FileManager.default.attributesOfItem(atPath: site.root + "/site/index.html")[.modificationDate] as? Date == stamps)

        // A save that changes nothing the pages show: loaded again, every page kept, nothing written.
        try site.writeRecord(TestSite.record(3))
        let third = try SiteBuilder(options: options).build()
        #expect(third.cache?.upToDate == false)
        #expect(third.cache?.pagesKept == third.pages)
        #expect(third.pagesRendered == 0)
        #expect(third.write?.written == 0)
    }

    @Test func aFileSavedRightAfterABuildIsNotTrustedByItsStamp() throws {
        let site = try TestSite(papers: 6)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        // The records were written just before that build: their stamps may hide a later save in
        // the same clock tick, so the next build loads them again rather than trusting the hash.
        let again = try SiteBuilder(options: options).build()
        #expect(again.cache?.upToDate == false)
        #expect(again.write?.written == 0)
    }

    @Test(arguments: ["truncated", "edited", "foreign", "garbage", "empty"])
    func aDamagedCacheIsNotTrusted(damage: String) throws {
        let site = try TestSite(papers: 8)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let folder = site.root + "/.daybook-cache/build"
        let manifest = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".manifest") })!
        var bytes = [UInt8](FileManager.default.contents(atPath: manifest)!)
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "edited": bytes[bytes.count / 2] ^= 0x01
        case "foreign": bytes = Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: site.root, with: "/elsewhere").utf8)
        case "garbage": bytes = Array("daybook-build-cache 1\nnot\ta\tmanifest\n".utf8)
        default: bytes = []
        }
        try Data(bytes).write(to: URL(fileURLWithPath: manifest))
        // The output is damaged too, where a trusted manifest would not look.
        try Data("stale".utf8).write(to: URL(fileURLWithPath: site.root + "/site/index.html"))
        try FileManager.default.removeItem(atPath: site.root + "/site/feed.xml")
        let report = try SiteBuilder(options: options).build()
        #expect(report.cache?.upToDate == false)
        #expect(report.cache?.pagesKept == 0)
        try CachedBuildTests.expectSameAsCleanBuild(site, damage)
        // The cache is whole again.
        CachedBuildTests.settle(site)
        #expect(try SiteBuilder(options: options).build().cache?.upToDate == true)
    }

    @Test func aFailedBuildChangesNeitherTheOutputNorTheCache() throws {
        let site = try TestSite(papers: 8)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let cacheBefore = CachedBuildTests.tree(site.root + "/.daybook-cache")
        let siteBefore = CachedBuildTests.tree(site.root + "/site")
        try site.write(TestSite.record(2).relativePath, "---\nid: \"2411.00002\"\ntitle: Broken\nday: 2026-13-40\n---\nText\n")
        #expect(throws: BuildError.self) { try SiteBuilder(options: options).build() }
        #expect(CachedBuildTests.tree(site.root + "/.daybook-cache") == cacheBefore)
        #expect(CachedBuildTests.tree(site.root + "/site") == siteBefore)
        // Fixed: the next build is correct.
        try site.writeRecord(TestSite.record(2))
        _ = try SiteBuilder(options: options).build()
        try CachedBuildTests.expectSameAsCleanBuild(site, "after the fix")
    }

    @Test func aPageEditedByHandInTheOutputIsRestoredWhenTheCacheIsIgnored() throws {
        let site = try TestSite(papers: 6)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let page = site.root + "/site/papers/2411.00001/index.html"
        try Data("edited by hand".utf8).write(to: URL(fileURLWithPath: page))
        // A cached build trusts the folder after checking a sample of it; `--ignore-cache` compares
        // every file with what it should be, and records the cache anew.
        var ignoring = options
        ignoring.trustCache = false
        let ignored = try SiteBuilder(options: ignoring).build()
        #expect(ignored.pagesRendered == ignored.pages && ignored.write?.written == 1)
        try CachedBuildTests.expectSameAsCleanBuild(site, "after --ignore-cache")
        // And the cache is whole again: the next cached build keeps every page.
        try site.writeRecord(TestSite.record(4))
        let again = try SiteBuilder(options: options).build()
        #expect(again.pagesRendered == 0 && again.write?.written == 0)
    }

    @Test func aManifestThatCannotBeDroppedStopsTheBuildBeforeTheOutputChanges() throws {
        let site = try TestSite(papers: 5)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let folder = site.root + "/.daybook-cache/build"
        let manifest = folder + "/" + (try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".manifest") })!
        // A folder where the manifest was: it cannot be read, and it cannot be removed with unlink.
        try FileManager.default.removeItem(atPath: manifest)
        try FileManager.default.createDirectory(atPath: manifest + "/in-the-way", withIntermediateDirectories: true)
        let before = CachedBuildTests.tree(site.root + "/site")
        var record = TestSite.record(1)
        record.title = "Changed"
        try site.writeRecord(record)
        #expect { try SiteBuilder(options: options).build() } throws: { error in
            "\(error)".contains("the build cache's record of the output folder, which must go before the folder changes")
        }
        #expect(CachedBuildTests.tree(site.root + "/site") == before)
        // The content cache, written while the pages were made, went in place (it describes the
        // content, not the output): no temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") } == [])
        try FileManager.default.removeItem(atPath: manifest)
        _ = try SiteBuilder(options: options).build()
        try CachedBuildTests.expectSameAsCleanBuild(site, "after the folder was removed")
    }

    @Test func aPartialInASubfolderIsPartOfEveryPageKey() throws {
        let site = try TestSite(papers: 6)
        let day = try site.read("Themes/default/templates/day.mustache")
        try site.write("templates/day.mustache", day + "{{> parts/note}}\n")
        try site.write("templates/parts/note.mustache", "<p>first note</p>\n")
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        try site.write("templates/parts/note.mustache", "<p>second note</p>\n")
        let report = try SiteBuilder(options: options).build()
        #expect(report.pagesRendered == report.pages)
        try CachedBuildTests.expectSameAsCleanBuild(site, "after the partial changed")
    }

    @Test func aCacheFolderThatIsAFileCostsTheSavingsNotTheBuild() throws {
        let site = try TestSite(papers: 4)
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: site.root + "/.daybook-cache"))
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        try site.writeRecord(TestSite.record(9))
        _ = try SiteBuilder(options: options).build()
        try CachedBuildTests.expectSameAsCleanBuild(site, "with .daybook-cache a file")
    }

    @Test func eachOutputFolderHasItsOwnManifest() throws {
        let site = try TestSite(papers: 5)
        CachedBuildTests.settle(site)
        var options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        options.output = site.root + "/other"
        let other = try SiteBuilder(options: options).build()
        #expect(other.cache?.upToDate == false)
        #expect(other.write?.written == other.files)
        options.output = nil
        #expect(try SiteBuilder(options: options).build().cache?.upToDate == true)
    }
}

extension CachedBuildTests {
    /// The inputs' walk tells the build, once, as soon as it sees an input newer than the last
    /// build (which then starts reading its content cache rather than after the walk): not when
    /// nothing changed, and for a new paper, a site template and a saved config; the hash is the
    /// walk's either way.
    @Test func theInputsWalkNoticesAChangeSinceTheLastBuild() throws {
        let site = try TestSite(papers: 4)
        CachedBuildTests.settle(site)
        let builder = SiteBuilder(options: CachedBuildTests.cachedOptions(site))
        let (config, theme) = try builder.loadConfigAndTheme()
        func walk(since: Int) -> (notices: Int, hash: UInt64) {
            var notices = 0
            let inputs = BuildInputs.fingerprint(options: builder.options, config: config, theme: theme, output: site.root + "/site",
                                                 noticingChangesSince: since) { notices += 1 }
            return (notices, inputs.hash)
        }
        // A margin, as the build keeps one: file times come from a coarse clock, a few
        // milliseconds behind the one `now` reads.
        let since = FileStamp.now() - 50_000_000
        let quiet = walk(since: since)
        #expect(quiet.notices == 0)
        #expect(quiet.hash == BuildInputs.fingerprint(options: builder.options, config: config, theme: theme,
                                                      output: site.root + "/site").hash)
        _ = try site.writeRecord(TestSite.record(7))
        let added = walk(since: since)
        #expect(added.notices == 1 && added.hash != quiet.hash)
        try site.remove(TestSite.record(7).relativePath)
        CachedBuildTests.settle(site)
        let later = FileStamp.now() - 50_000_000
        #expect(walk(since: later).notices == 0)
        try site.write("templates/paper.mustache", "{{title}}")
        #expect(walk(since: later).notices == 1)
        try site.remove("templates/paper.mustache")
        CachedBuildTests.settle(site)
        let last = FileStamp.now() - 50_000_000
        #expect(walk(since: last).notices == 0)
        try site.write("daybook.yml", try site.read("daybook.yml"))
        #expect(walk(since: last).notices == 1, "a saved config")
    }
}
