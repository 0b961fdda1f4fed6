import Foundation
import Testing
@testable import DaybookContent
import DaybookSystem
import DaybookTestSupport

@Suite("Content loader")
struct ContentLoaderTests {
    /// A cached build takes the record files from the walk that stamped them (`FileStamp.scan`)
    /// when it met only folders and regular files: the files a walk finds, in the same order.
    @Test func theStampWalksListingGivesTheFilesAWalkFinds() throws {
        let folder = TemporaryFolder(label: "listing")
        defer { folder.remove() }
        for path in ["a.md", "a/b.md", "a.b.json", "a-b/c.md", ".hidden/x.md", "papers/.x.md", "papers/y.md~", "papers/y.md",
                     "notes.txt", "#lock/z.md", "d/e/f.json", "x.swp/y.md", "papers/4913"] {
            folder.write("content/" + path, "x")
        }
        let scan = FileStamp.scan(folder.url("content"))
        #expect(scan.plain)
        let walked = try ContentWalker.files(in: folder.url("content"), displayPrefix: "content")
        let listed = ContentWalker.files(listed: scan.files, in: folder.url("content"), displayPrefix: "content")
        #expect(walked.map(\.displayPath) == ["content/a-b/c.md", "content/a.b.json", "content/a.md", "content/a/b.md",
                                               "content/d/e/f.json", "content/papers/y.md"])
        #expect(listed.map(\.displayPath) == walked.map(\.displayPath))
        #expect(listed.map(\.path) == walked.map(\.path))
        #expect(listed.map(\.kind) == walked.map(\.kind))
        // Each listed file carries the stamp the walk took, which the loader then uses.
        let stamps = Dictionary(uniqueKeysWithValues: scan.files.map { ("content/" + $0.path, $0.stamp) })
        #expect(listed.allSatisfy { $0.stamp != nil && $0.stamp == stamps[$0.displayPath] })
        #expect(walked.allSatisfy { $0.stamp == nil })
        // A link anywhere: not plain, so the loader walks the folder itself.
        try FileManager.default.createSymbolicLink(atPath: folder.url("content/link"), withDestinationPath: folder.url("content/a"))
        #expect(!FileStamp.scan(folder.url("content")).plain)
    }

    /// A long listing is taken in runs on every core: the same files as one pass would keep,
    /// with ignored folders and files on both sides of a run's edge.
    @Test func aLongListingIsTakenInRunsWithTheSameResult() {
        var listing: [(path: String, stamp: FileStamp)] = []
        for day in 0..<700 {
            let folder = day % 97 == 3 ? ".drafts\(day)" : String(format: "papers/d%04d", day)
            for n in 0..<13 {
                let name = n == 5 ? "\(n).md~" : n == 7 ? "\(n).json" : n == 9 ? "notes.txt" : "\(n).md"
                listing.append((folder + "/" + name, FileStamp(size: n, modified: day, changed: day, inode: UInt64(day * 13 + n))))
            }
        }
        listing.sort { $0.path < $1.path }
        let files = ContentWalker.files(listed: listing, in: "/site/content", displayPrefix: "content")
        let expected = listing.filter { entry in
            !entry.path.hasPrefix(".") && (entry.path.hasSuffix(".md") || entry.path.hasSuffix(".json"))
        }
        #expect(listing.count > 8_192, "more than one run")
        #expect(files.map(\.displayPath) == expected.map { "content/" + $0.path })
        #expect(files.map(\.path) == expected.map { "/site/content/" + $0.path })
        #expect(files.map(\.stamp) == expected.map { Optional($0.stamp) })
        #expect(files.filter { $0.kind == .huggingFace }.count == expected.filter { $0.path.hasSuffix(".json") }.count)
    }

    @Test func loadsTheValidFixtureSite() throws {
        let result = try ContentLoader(siteRoot: fixturePath("valid-site")).load()
        #expect(result.papers.map(\.id) == ["2405.01234", "2411.00001", "2509.03311", "2509.04664", "2509.05012",
                                            "hep-ex/0307015", "sparse-routing-notes"])
        let byID = Dictionary(uniqueKeysWithValues: result.papers.map { ($0.id, $0) })

        // The .md record wins for what it sets; the JSON fills the rest.
        let hallucinate = try #require(byID["2509.04664"])
        #expect(hallucinate.upvotes == 30)
        #expect(hallucinate.tags == ["hallucination"])
        #expect(hallucinate.authors.count == 4)
        #expect(hallucinate.published == Day(year: 2025, month: 9, day: 4))
        #expect(hallucinate.source == SourceLocation(path: "content/papers/2025-09-08/2509.04664.md", bodyLine: 8))

        // Two JSON files: larger counts, earliest day, first file's text.
        let scaling = try #require(byID["2509.05012"])
        #expect(scaling.upvotes == 57 && scaling.stars == 130)
        #expect(scaling.day == Day(year: 2025, month: 9, day: 8))
        #expect(scaling.authors == ["Mei Lin", "Jonas Weber"])
        #expect(scaling.source.path == "content/hf/2025-09-08.json")

        let crlf = try #require(byID["hep-ex/0307015"])
        #expect(crlf.abstract == "A record saved with CRLF line ends.\nIt still loads.")
        #expect(crlf.authors == ["D0 Collaboration"])

        #expect(try #require(byID["2405.01234"]).tags == ["LLM", "quantization"])

        let expected = try String(contentsOfFile: fixturePath("valid-site/expected-warnings.txt"), encoding: .utf8)
        #expect(result.warnings.map(\.description).joined(separator: "\n") + "\n" == expected)
    }

    @Test(arguments: ["invalid-bad-yaml", "invalid-missing-title", "invalid-duplicate-id", "invalid-impossible-date",
                      "invalid-wrong-type", "invalid-unclosed-front-matter", "invalid-hf-json"])
    func reportsExactlyTheExpectedErrorsForAnInvalidFixtureSite(_ name: String) throws {
        let expected = try String(contentsOfFile: fixturePath(name + "/expected-errors.txt"), encoding: .utf8)
        let lines = errorLines { () throws(ContentError) in _ = try ContentLoader(siteRoot: fixturePath(name)).load() }
        #expect(lines.joined(separator: "\n") + "\n" == expected)
    }

    @Test func reportsProblemsFromEveryFileTogether() throws {
        let site = try TemporarySite([
            "content/a/1.md": "---\nid: a\n---\n",
            "content/b/deeper/still/2.md": "no front matter",
            "content/c.json": "[",
            "content/ok.md": "---\nid: ok\ntitle: T\nday: 2026-11-20\n---\nFine.",
        ])
        defer { site.remove() }
        let lines = errorLines { () throws(ContentError) in _ = try ContentLoader(siteRoot: site.root).load() }
        #expect(lines == [
            "content/a/1.md:1:1: missing required field 'day'",
            "content/a/1.md:1:1: missing required field 'title'",
            "content/b/deeper/still/2.md:1:1: a record must start with a '---' line that opens its front matter",
            "content/c.json:1:2: invalid JSON: expected a value, found the end of the file",
        ])
    }

    @Test func skipsHiddenFilesEditorLeftoversAndNonRecordFiles() throws {
        let site = try TemporarySite([
            "content/ok.md": "---\nid: ok\ntitle: T\nday: 2026-11-20\n---\nFine.",
            "content/.draft.md": "broken",
            "content/.git/x.md": "broken",
            "content/ok.md~": "broken",
            "content/#ok.md#": "broken",
            "content/figure.png": "binary",
        ])
        defer { site.remove() }
        let result = try ContentLoader(siteRoot: site.root).load()
        #expect(result.papers.map(\.id) == ["ok"])
        #expect(result.warnings.isEmpty)
    }

    @Test func skipsWhatThePreviewWatcherIgnoresSoBothSeeTheSameRecords() throws {
        let site = try TemporarySite([
            "content/ok.md": "---\nid: ok\ntitle: T\nday: 2026-11-20\n---\nFine.",
            "content/papers.bak/x.md": "broken",
            "content/4913/x.md": "broken",
            "content/old.tmp/x.md": "broken",
        ])
        defer { site.remove() }
        for name in ["papers.bak", "4913", "old.tmp"] { #expect(FileNames.isIgnored(name)) }
        let result = try ContentLoader(siteRoot: site.root).load()
        #expect(result.papers.map(\.id) == ["ok"])
    }

    @Test func warnsButLoadsWhenThereIsNoContentFolder() throws {
        let site = try TemporarySite(["daybook.yml": "title: T\n"])
        defer { site.remove() }
        let result = try ContentLoader(siteRoot: site.root).load()
        #expect(result.papers.isEmpty)
        #expect(result.warnings.map(\.description) == ["content: warning: no such folder: the site has no papers"])
    }

    @Test func usesACustomContentFolderName() throws {
        let site = try TemporarySite(["papers/x.md": "---\nid: x\ntitle: T\nday: 2026-11-20\n---\nA."])
        defer { site.remove() }
        let result = try ContentLoader(siteRoot: site.root, contentDirectory: "papers").load()
        #expect(result.papers.map(\.source.path) == ["papers/x.md"])
    }

    @Test func walksAFolderReachedTwiceThroughASymbolicLinkOnlyOnce() throws {
        let site = try TemporarySite(["content/papers/x.md": "---\nid: x\ntitle: T\nday: 2026-11-20\n---\nA."])
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/papers/loop", withDestinationPath: "..")
        let result = try ContentLoader(siteRoot: site.root).load()
        #expect(result.papers.map(\.source.path) == ["content/papers/x.md"])
    }

    @Test func reportsAnUnreadableFile() throws {
        let site = try TemporarySite(["content/x.md": "---\nid: x\ntitle: T\nday: 2026-11-20\n---\nA."])
        defer { site.remove() }
        // A dangling symbolic link cannot be read.
        try FileManager.default.createSymbolicLink(atPath: site.root + "/content/gone.md", withDestinationPath: site.root + "/nowhere")
        let lines = errorLines { () throws(ContentError) in _ = try ContentLoader(siteRoot: site.root).load() }
        #expect(lines == ["content/gone.md: cannot read: No such file or directory"])
    }

    @Test func warnsAboutSuspiciousRecords() throws {
        let site = try TemporarySite([
            "content/a.md": "---\nid: a\ntitle: Same  Title\nday: 2026-11-20\npublished: 2026-11-22\n---\n",
            "content/b.md": "---\nid: b\ntitle: same title\nday: 2026-11-20\n---\nText.",
            "content/2026-11-21/c.md": "---\nid: c\ntitle: C\nday: 2026-11-20\n---\nText.",
        ])
        defer { site.remove() }
        let result = try ContentLoader(siteRoot: site.root).load()
        #expect(result.warnings.map(\.description) == [
            "content/2026-11-21/c.md:4:6: warning: 'day' is 2026-11-20 but the record is in folder 2026-11-21",
            "content/a.md:4:6: warning: featured day 2026-11-20 is before the published date 2026-11-22",
            "content/a.md:7:1: warning: empty abstract",
            "content/b.md:3:8: warning: same title as 'a' (content/a.md)",
        ])
    }

    @Test func loadsManyRecordsInParallelInAStableOrder() throws {
        var files: [String: String] = [:]
        for index in 0..<500 {
            files["content/papers/d\(index % 7)/p\(index).md"] = "---\nid: p\(index)\ntitle: Paper \(index)\nday: 2026-11-20\n---\nAbstract \(index)."
        }
        files["content/papers/d3/broken.md"] = "---\nid: p1\ntitle: Dup\nday: 2026-11-20\n---\n"
        let site = try TemporarySite(files)
        defer { site.remove() }
        let lines = errorLines { () throws(ContentError) in _ = try ContentLoader(siteRoot: site.root).load() }
        #expect(lines == ["content/papers/d3/broken.md:2:5: duplicate id 'p1' (also in content/papers/d1/p1.md)"])
        try FileManager.default.removeItem(atPath: site.root + "/content/papers/d3/broken.md")
        let result = try ContentLoader(siteRoot: site.root).load()
        #expect(result.papers.count == 500)
        #expect(result.papers.map(\.id) == (0..<500).map { "p\($0)" }.sorted())
        #expect(result.papers.allSatisfy { $0.abstract == "Abstract \($0.id.dropFirst())." })
    }
}
