import DaybookContent
import DaybookRender
import DaybookSystem
import DaybookTestSupport
import DaybookPreview
import Foundation
import Testing
@testable import DaybookSite

/// The content cache (`.daybook-cache/build/content.cache`): unchanged files are not parsed again
/// and unchanged abstracts not rendered again, and the build is the same as without it.
@Suite struct ContentCacheTests {
    static func folder(_ site: TestSite) -> String { site.root + "/.daybook-cache/build" }
    static func cachePath(_ site: TestSite) -> String { folder(site) + "/" + ContentCache.baseName }
    static func deltaPath(_ site: TestSite) -> String { folder(site) + "/" + ContentCache.deltaName }

    /// The files of a cache part on disk.
    static func files(at path: String) -> Set<String> {
        FileIO.read(path).flatMap(ContentCache.decode).map { Set($0.0.files.keys) } ?? []
    }

    @Test func aBuildAfterOneEditParsesAndRendersOnlyThatRecord() throws {
        let site = try TestSite(papers: 12)
        try site.write("content/hf.json", """
            [{"paper": {"id": "2411.07777", "title": "From Hugging Face", "summary": "An imported abstract.",
              "authors": [{"name": "Grace Hopper"}], "upvotes": 5}, "publishedAt": "2026-11-18T00:00:00.000Z"}]
            """)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        let first = try SiteBuilder(options: options).build()
        #expect(first.cache?.recordsReused == 0 && first.cache?.markdownReused == 0)
        #expect(FileManager.default.fileExists(atPath: ContentCacheTests.cachePath(site)))

        var record = TestSite.record(4)
        record.abstract = "An edited abstract with $y$."
        try site.writeRecord(record)
        let second = try SiteBuilder(options: options).build()
        #expect(second.cache?.recordsReused == 12, "12 records and the JSON file, one of them edited")
        #expect(second.cache?.markdownReused == 12, "13 papers, one abstract changed")
        #expect(second.warnings == first.warnings)
        try CachedBuildTests.expectSameAsCleanBuild(site, "after one edit")
        #expect(try site.read("site/papers/2411.00004/index.html").contains("An edited abstract"))
    }

    @Test func recordsWithWarningsGiveTheSameWarningsFromTheCache() throws {
        let site = try TestSite(papers: 3)
        // A record whose day is before its publication: a warning pointing at its `day` line.
        try site.write("content/papers/2026-11-16/2411.05555.md", """
            ---
            id: "2411.05555"
            title: "Featured before it was published"
            day: 2026-11-16
            published: 2026-11-19
            ---
            Text.

            """)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        let clean = try SiteBuilder(options: site.options()).render().report.warnings
        _ = try SiteBuilder(options: options).build()
        try site.writeRecord(TestSite.record(1))
        let cached = try SiteBuilder(options: options).build()
        #expect(cached.cache?.recordsReused == 3)
        #expect(!clean.isEmpty)
        #expect(cached.warnings == clean)
    }

    /// Builds `site` with the cache, then damages the cache file at `path` (which `decodes` must
    /// read before and refuse after) as `damage` says; returns the build options.
    static func buildAndDamage(_ site: TestSite, path: (TestSite) -> String, damage: String, format: String,
                               decodes: ([UInt8]) -> Bool) throws -> BuildOptions {
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        var bytes = [UInt8](FileManager.default.contents(atPath: path(site))!)
        #expect(decodes(bytes))
        ContentCacheTests.damage(&bytes, damage, format: format)
        #expect(!decodes(bytes))
        try Data(bytes).write(to: URL(fileURLWithPath: path(site)))
        return options
    }

    /// A cache file's bytes damaged: "truncated", "flipped" (a byte), "identity" (another
    /// executable's: whole, with a valid checksum, the word after the format changed), else emptied.
    static func damage(_ bytes: inout [UInt8], _ damage: String, format: String) {
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 2)
        case "flipped": bytes[bytes.count / 2] ^= 0x10
        case "identity":
            let offset = format.utf8.count + 1
            bytes.removeLast(8)
            bytes[offset] ^= 0xFF
            var checksum = BinaryWriter()
            checksum.writeFixed(XXH64.hash(bytes))
            bytes += checksum.bytes
        default: bytes = []
        }
    }

    @Test(arguments: ["truncated", "flipped", "identity", "empty"])
    func aDamagedOrForeignCacheIsNotUsed(damage: String) throws {
        let site = try TestSite(papers: 6)
        let options = try ContentCacheTests.buildAndDamage(site, path: ContentCacheTests.cachePath, damage: damage,
                                                           format: ContentCache.format) { ContentCache.decode($0) != nil }
        let path = ContentCacheTests.cachePath(site)
        try site.writeRecord(TestSite.record(2))
        let report = try SiteBuilder(options: options).build()
        #expect(report.cache?.recordsReused == 0 && report.cache?.markdownReused == 0)
        try CachedBuildTests.expectSameAsCleanBuild(site, damage)
        #expect(ContentCache.decode([UInt8](FileManager.default.contents(atPath: path)!)) != nil, "written whole again")
    }

    @Test func ignoringTheCacheParsesEverythingAndRecordsItAnew() throws {
        let site = try TestSite(papers: 5)
        CachedBuildTests.settle(site)
        var options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        options.trustCache = false
        let ignoring = try SiteBuilder(options: options).build()
        #expect(ignoring.cache?.recordsReused == 0 && ignoring.cache?.markdownReused == 0)
    }

    @Test func aFileIsReusedOnlyWhenItWasOlderThanTheBuildThatReadIt() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("content-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let started = 10_000_000_000
        func file(_ modified: Int) -> ParsedContentFile {
            ParsedContentFile(stamp: FileStamp(size: 10, modified: modified, changed: modified, inode: 7), content: .imported([]))
        }
        let files = ["content/old.json": file(started - 1_000_000_000), "content/racy.json": file(started - 50_000_000)]
        let sorted = files.keys.sorted().map { (path: $0, file: files[$0]!) }
        ContentCache(folder: temp, read: false).save(ContentCache.Contents(files: sorted, parsed: Set(files.keys), texts: [:]),
                                                      started: started)
        let use = ContentCache(folder: temp).use(stamps: [:])
        #expect(use.files.parsed("content/old.json") != nil)
        #expect(use.files.parsed("content/racy.json") == nil, "a racy entry is parsed again")
    }

    /// A build looks entries up in the delta, then the base: the delta's entry wins, and one
    /// too new to trust hides the base's entry for the same file rather than falling back to it.
    @Test func theDeltaIsLookedUpBeforeTheBase() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("content-cache-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: temp, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: temp) }
        func file(_ modified: Int, _ id: String) -> ParsedContentFile {
            ParsedContentFile(stamp: FileStamp(size: 10, modified: modified, changed: modified, inode: 7),
                              content: .imported([Paper(id: id, title: id, day: Day(iso: "2026-11-20")!)]))
        }
        func text(_ title: String) -> PaperText {
            PaperText(title: title, titleHTML: title, excerpt: "", hasAbstract: false, hasMath: false)
        }
        func id(_ file: ParsedContentFile?) -> String? {
            guard case .imported(let papers)? = file?.content else { return nil }
            return papers.first?.id
        }
        let started = 10_000_000_000, later = 20_000_000_000
        let base = ContentCache.encode(ContentCache.Part(started: started, files: [
            "content/a.json": file(started - 1_000_000_000, "a0"), "content/b.json": file(started - 1_000_000_000, "b0"),
            "content/c.json": file(started - 1_000_000_000, "c0"),
        ], texts: [1: text("base 1"), 2: text("base 2")], base: nil))
        let (_, checksum) = try #require(ContentCache.decode(base))
        let delta = ContentCache.encode(ContentCache.Part(started: later, files: [
            "content/a.json": file(later - 1_000_000_000, "a1"), "content/b.json": file(later - 50_000_000, "b1"),
        ], texts: [2: text("delta 2")], base: checksum))
        try Data(base).write(to: URL(fileURLWithPath: temp + "/" + ContentCache.baseName))
        try Data(delta).write(to: URL(fileURLWithPath: temp + "/" + ContentCache.deltaName))

        let use = ContentCache(folder: temp).use(stamps: [:])
        #expect(id(use.files.parsed("content/a.json")) == "a1")
        #expect(use.files.parsed("content/b.json") == nil, "racy in the delta: not the base's either")
        #expect(id(use.files.parsed("content/c.json")) == "c0")
        #expect(use.files.parsed("content/d.json") == nil)
        #expect(use.texts(1)?.title == "base 1" && use.texts(2)?.title == "delta 2" && use.texts(3) == nil)
    }

    @Test func smallChangesGoToTheDeltaAndBigOnesRewriteTheBase() throws {
        let site = try TestSite(papers: 80)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let base = try Data(contentsOf: URL(fileURLWithPath: ContentCacheTests.cachePath(site)))
        #expect(!FileManager.default.fileExists(atPath: ContentCacheTests.deltaPath(site)))

        var edited = TestSite.record(5)
        edited.title = "Edited once"
        try site.writeRecord(edited)
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        #expect(try Data(contentsOf: URL(fileURLWithPath: ContentCacheTests.cachePath(site))) == base, "the base stays")
        #expect(ContentCacheTests.files(at: ContentCacheTests.deltaPath(site)) == [edited.relativePath])

        // The next delta keeps the first edit and adds the new paper.
        let added = TestSite.record(200)
        try site.writeRecord(added)
        CachedBuildTests.settle(site)
        let third = try SiteBuilder(options: options).build()
        #expect(third.cache?.recordsReused == 80)
        #expect(ContentCacheTests.files(at: ContentCacheTests.deltaPath(site)) == [edited.relativePath, added.relativePath])
        try CachedBuildTests.expectSameAsCleanBuild(site, "with a delta")

        // Edits to more than an eighth of the base: a new base, no delta.
        for index in 0..<40 {
            var record = TestSite.record(index)
            record.title = "Edited twice \(index)"
            try site.writeRecord(record)
        }
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        #expect(!FileManager.default.fileExists(atPath: ContentCacheTests.deltaPath(site)))
        #expect(ContentCacheTests.files(at: ContentCacheTests.cachePath(site)).count == 81)
        try CachedBuildTests.expectSameAsCleanBuild(site, "after a new base")
    }

    /// A build writes what the cache keeps while it renders, beside the cache: nothing changes
    /// until it is committed, and a discarded save leaves nothing behind.
    @Test func aStagedSaveChangesNothingUntilCommitted() throws {
        let temp = FileManager.default.temporaryDirectory.appendingPathComponent("content-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let started = 10_000_000_000
        func contents(_ names: [String]) -> ContentCache.Contents {
            let files = names.map { (path: "content/\($0).json", file: ParsedContentFile(
                stamp: FileStamp(size: 10, modified: started - 1_000_000_000, changed: started - 1_000_000_000, inode: 7),
                content: .imported([]))) }
            return ContentCache.Contents(files: files, parsed: Set(files.map(\.path)), texts: [:])
        }
        let path = temp + "/" + ContentCache.baseName
        ContentCache(folder: temp, read: false).save(contents(["a"]), started: started)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        let discarded = ContentCache(folder: temp, read: false).stage(contents(["a", "b"]), started: started)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(FileManager.default.fileExists(atPath: path + ".tmp"))
        discarded.discard()
        #expect(!FileManager.default.fileExists(atPath: path + ".tmp"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)

        let staged = ContentCache(folder: temp, read: false).stage(contents(["a", "b", "c"]), started: started)
        #expect(ContentCacheTests.files(at: path) == ["content/a.json"], "not in place before the commit")
        staged.commit()
        #expect(ContentCacheTests.files(at: path) == ["content/a.json", "content/b.json", "content/c.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp) == [ContentCache.baseName], "no temporary left")
    }

    @Test func aDeltaOverAnotherBaseIsNotUsed() throws {
        let site = try TestSite(papers: 10)
        CachedBuildTests.settle(site)
        var options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        var edited = TestSite.record(3)
        edited.abstract = "Edited."
        try site.writeRecord(edited)
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        let delta = try Data(contentsOf: URL(fileURLWithPath: ContentCacheTests.deltaPath(site)))
        // --ignore-cache records a new base (and drops the delta); the old delta put back is not applied to it.
        options.trustCache = false
        _ = try SiteBuilder(options: options).build()
        #expect(!FileManager.default.fileExists(atPath: ContentCacheTests.deltaPath(site)))
        try delta.write(to: URL(fileURLWithPath: ContentCacheTests.deltaPath(site)))
        #expect(ContentCache(folder: ContentCacheTests.folder(site)).delta == nil)
        #expect(ContentCache(folder: ContentCacheTests.folder(site)).base != nil)
    }

    @Test func everyFieldSurvivesTheRoundTrip() throws {
        let full = Paper(id: "hep-ex/0307015", title: "Full $x$", authors: ["Ada Lovelace", "Émilie du Châtelet"], authorCount: 7,
                         day: Day(iso: "2026-11-20")!, published: Day(iso: "1999-01-02")!, upvotes: -3, tags: ["llm", "Vision"],
                         summary: "A summary.", links: PaperLinks(arxiv: "a", pdf: "b", code: "c", project: "d", doi: "e"),
                         stars: 1_234_567_890_123, withdrawn: Day(iso: "0001-01-01")!, abstract: "Line one\nline two 😀",
                         source: SourceLocation(path: "content/papers/x.md", bodyLine: 9))
        let bare = Paper(id: "slug", title: "", day: Day(iso: "9999-12-31")!)
        let record = PaperRecordParser.Record(paper: full, idPosition: (2, 5), dayPosition: (4, 6), titlePosition: (3, 8))
        let text = PaperText(title: "T", titleHTML: "<b>T</b>", excerpt: "A", hasAbstract: true, hasMath: true)
        let other = PaperText(title: "U", titleHTML: "U", excerpt: "", hasAbstract: false, hasMath: false)
        let stamp = FileStamp(size: 1, modified: 2, changed: 3, inode: UInt64.max)
        let part = ContentCache.Part(started: 42, files: [
            "content/a.md": ParsedContentFile(stamp: stamp, content: .record(record)),
            "content/b.json": ParsedContentFile(stamp: stamp, content: .imported([bare, full])),
        ], texts: [UInt64.max: text, 0: other], base: 99)
        let (decoded, _) = try #require(ContentCache.decode(ContentCache.encode(part)))
        #expect(decoded.started == 42 && decoded.base == 99)
        #expect(decoded.texts == part.texts)
        guard case .record(let back) = decoded.files["content/a.md"]?.content else { Issue.record("no record"); return }
        #expect(back.paper == full)
        #expect(back.paper.stableHash == full.stableHash && back.paper.textHash == full.textHash)
        #expect(back.idPosition == (2, 5) && back.dayPosition == (4, 6) && back.titlePosition == (3, 8))
        guard case .imported(let papers) = decoded.files["content/b.json"]?.content else { Issue.record("no import"); return }
        #expect(papers == [bare, full])
        #expect(decoded.files["content/b.json"]?.stamp == stamp)
        // Every stored field is covered: the same list the page keys' hash checks (`Paper.hashedFields`).
        #expect(Mirror(reflecting: full.storedFields).children.compactMap(\.label) == Paper.hashedFields["Paper"])
    }
}

extension ContentCacheTests {
    /// `daybook serve` reads the records a build left parsed in the cache (and never writes it):
    /// here the cached version of one record is altered, keeping its stamp, and the preview shows
    /// the cached version, so it did not parse the file.
    @Test func thePreviewReusesRecordsTheBuildParsed() throws {
        let site = try TestSite(papers: 6)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let path = ContentCacheTests.cachePath(site)
        var (part, _) = try #require(ContentCache.decode([UInt8](FileManager.default.contents(atPath: path)!)))
        let recordPath = TestSite.record(1).relativePath
        guard case .record(var record) = part.files[recordPath]?.content else { Issue.record("not cached"); return }
        record.paper.title = "Title from the cache"
        part.files[recordPath]?.content = .record(record)
        try Data(ContentCache.encode(part)).write(to: URL(fileURLWithPath: path))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        var preview = options
        preview.bodyEnd = ReloadScript.markup
        let builder = try IncrementalBuilder(options: preview, origin: IncrementalBuildTests.origin)
        let page = try #require(builder.site.contents(of: "papers/2411.00001/index.html"))
        #expect(String(decoding: page, as: UTF8.self).contains("Title from the cache"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the preview does not write the cache")
    }
}

extension ContentCacheTests {
    /// A base is written to disk as it is encoded, a few runs at a time: the file holds the same
    /// bytes as the whole encoding, and a cache of more runs than a batch (here 5 file runs and 3
    /// text runs) reads back whole.
    @Test func aLargeBaseIsWrittenInPiecesAndReadsBackWhole() throws {
        let folder = TemporaryFolder(label: "large-content-cache")
        defer { folder.remove() }
        let count = ContentCache.fileRun * 5 + 3
        var files: [(path: String, file: ParsedContentFile)] = []
        var texts: [UInt64: PaperText] = [:]
        for n in 0..<count {
            let paper = Paper(id: "p\(n)", title: "Paper \(n)", day: Day(iso: "2026-01-01")!)
            let record = PaperRecordParser.Record(paper: paper, idPosition: (2, 5), dayPosition: (3, 6), titlePosition: (4, 8))
            let stamp = FileStamp(size: n, modified: n, changed: n, inode: UInt64(n))
            files.append((String(format: "content/%06d.md", n), ParsedContentFile(stamp: stamp, content: .record(record))))
        }
        for n in 0..<ContentCache.textRun * 2 + 5 {
            texts[UInt64(n)] = PaperText(title: "T\(n)", titleHTML: "T\(n)", excerpt: "", hasAbstract: false, hasMath: false)
        }
        let cache = ContentCache(folder: folder.path, read: false)
        cache.save(ContentCache.Contents(files: files, parsed: Set(files.map(\.path)), texts: texts), started: 7)
        let written = try #require(FileIO.read(folder.path + "/" + ContentCache.baseName))
        #expect(written == ContentCache.encode(started: 7, base: nil, files: files, texts: texts))
        #expect(!FileIO.exists(folder.path + "/" + ContentCache.baseName + ".tmp"))
        let read = ContentCache(folder: folder.path)
        let base = try #require(read.base)
        #expect(base.part.started == 7 && base.part.files.count == count && base.part.texts == texts)
        let last = try #require(files.last)
        #expect(base.part.files[last.path]?.stamp == last.file.stamp)
    }
}
