import DaybookContent
import DaybookSearch
import DaybookSystem
import Foundation
import Testing
@testable import DaybookSite

/// The search cache (`.daybook-cache/build/search.cache`) and the search documents kept on disk:
/// a cached build weighs and writes only what changed, and its index is a clean build's.
@Suite struct SearchCacheTests {
    static func path(_ site: TestSite) -> String { ContentCacheTests.folder(site) + "/" + SearchCache.name }

    static func postings(_ site: TestSite) -> SearchIndex.Postings? {
        FileIO.read(path(site)).flatMap(SearchCache.decode)
    }

    /// The stamp of each search document file (`search/index/docs/`).
    static func documentStamps(_ site: TestSite) -> [String: FileStamp] {
        let folder = site.root + "/site/search/index/docs"
        var stamps: [String: FileStamp] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            stamps[name] = FileStamp(path: folder + "/" + name)
        }
        return stamps
    }

    @Test func editsAdditionsAndRemovalsGiveACleanBuildsIndex() throws {
        let site = try TestSite(papers: 20)
        CachedBuildTests.settle(site)
        let options = CachedBuildTests.cachedOptions(site)
        _ = try SiteBuilder(options: options).build()
        let first = try #require(SearchCacheTests.postings(site))
        #expect(first.keys.count == 20)
        let stamps = SearchCacheTests.documentStamps(site)
        #expect(stamps.count == 20)

        // A new day (the daily job): every older document keeps its file, untouched.
        var added = TestSite.record(40)
        added.day = "2026-11-21"
        added.abstract = "Sparse attention for very long contexts."
        try site.writeRecord(added)
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        try CachedBuildTests.expectSameAsCleanBuild(site, "a new day")
        let after = SearchCacheTests.documentStamps(site)
        #expect(after.count == 21)
        #expect(stamps.allSatisfy { after[$0.key] == $0.value }, "older documents are not written again")
        #expect(SearchCacheTests.postings(site)?.keys.count == 21)

        // A field the index reads, a removal and a paper on an old day.
        var edited = TestSite.record(3)
        edited.title = "Retitled: graph routing"
        try site.writeRecord(edited)
        try site.remove(TestSite.record(8).relativePath)
        var old = TestSite.record(41)
        old.day = TestSite.record(0).day
        try site.writeRecord(old)
        CachedBuildTests.settle(site)
        _ = try SiteBuilder(options: options).build()
        try CachedBuildTests.expectSameAsCleanBuild(site, "an edit, a removal, an old day")
        #expect(try site.read("site/search/index/terms/re.json").contains("\"retitled\""))
    }

    @Test(arguments: ["truncated", "flipped", "identity", "empty"])
    func aDamagedOrForeignCacheIsNotUsed(damage: String) throws {
        let site = try TestSite(papers: 6)
        let options = try ContentCacheTests.buildAndDamage(site, path: SearchCacheTests.path, damage: damage,
                                                           format: SearchCache.format) { SearchCache.decode($0) != nil }
        var record = TestSite.record(2)
        record.abstract = "Another abstract, about sparse graphs."
        try site.writeRecord(record)
        _ = try SiteBuilder(options: options).build()
        try CachedBuildTests.expectSameAsCleanBuild(site, damage)
        #expect(SearchCacheTests.postings(site) != nil, "written whole again")
    }

    @Test func malformedPostingsDoNotDecode() {
        let postings = SearchIndex.Postings(keys: [1, 2, 3], terms: ["graph", "sparse"], lists: [[0x11, 0x23], [0x05]])
        let bytes = SearchCache.encode(postings)
        #expect(SearchCache.decode(bytes) == postings)
        // A document past the last one: well formed bytes with a valid checksum, refused.
        let beyond = SearchCache.encode(SearchIndex.Postings(keys: [1, 2, 3], terms: ["graph"], lists: [[0x35]]))
        #expect(SearchCache.decode(beyond) == nil)
    }
}
