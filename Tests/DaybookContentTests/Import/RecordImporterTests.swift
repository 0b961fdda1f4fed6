import DaybookTestSupport
import Foundation
import Testing
@testable import DaybookContent

@Suite("RecordImporter")
struct RecordImporterTests {
    static let day = ImportFixtures.day("2025-12-29")

    static func listingPaper(upvotes: Int? = nil) -> Paper {
        Paper(id: "2405.01234", title: "A Paper", authorCount: 3, day: day, published: Day(iso: "2024-05-02"),
              upvotes: upvotes, abstract: "Short abstract.")
    }

    static func read(_ root: URL, _ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    static func files(_ root: URL) -> [String] {
        FolderListing.files(under: root.path).filter { $0.hasSuffix(".md") }
    }

    @Test func writesOneRecordPerPaperUnderItsDay() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let old = Paper(id: "hep-ex/0307015", title: "Old Style", day: Day(iso: "2003-07-07")!, abstract: "Old.")
        let report = try RecordImporter(contentDirectory: root.path).run([Self.listingPaper(), old])
        #expect(report.summary == "2 new, 0 updated, 0 unchanged, 0 skipped")
        #expect(report.entries.map(\.path) == ["papers/2025-12-29/2405.01234.md", "papers/2003-07-07/hep-ex_0307015.md"])
        #expect(Self.files(root) == ["papers/2003-07-07/hep-ex_0307015.md", "papers/2025-12-29/2405.01234.md"])
        #expect(try Self.read(root, "papers/2025-12-29/2405.01234.md") == PaperRecordWriter().text(for: Self.listingPaper()))
        #expect(try Self.read(root, "papers/2003-07-07/hep-ex_0307015.md").hasPrefix("---\nid: \"hep-ex/0307015\"\n"))
    }

    @Test func importingTheSameInputAgainChangesNothing() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let papers = try ListingTextImporter(day: Self.day)
            .papers(from: try ImportFixtures.text("listing-layout1.txt"), path: "l.txt").papers
        #expect(try RecordImporter(contentDirectory: root.path).run(papers).summary == "47 new, 0 updated, 0 unchanged, 0 skipped")
        let before = try Self.files(root).map { try Self.read(root, $0) }
        let again = try RecordImporter(contentDirectory: root.path).run(papers)
        #expect(again.summary == "0 new, 0 updated, 47 unchanged, 0 skipped")
        #expect(try Self.files(root).map { try Self.read(root, $0) } == before)
    }

    @Test func aRicherSourceUpdatesTheRecord() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try RecordImporter(contentDirectory: root.path).run([Self.listingPaper(upvotes: 2)])
        var richer = Self.listingPaper(upvotes: 10)
        richer.day = ImportFixtures.day("2026-01-05")
        richer.authors = ["A", "B", "C"]
        richer.tags = ["cs.LG"]
        richer.links.doi = "https://doi.org/10.1/x"
        richer.abstract = "A longer abstract that says more."
        let report = try RecordImporter(contentDirectory: root.path).run([richer])
        #expect(report.entries == [.init(id: "2405.01234", path: "papers/2025-12-29/2405.01234.md", outcome: .updated)])
        let record = try PaperRecordParser.parse(try Self.read(root, "papers/2025-12-29/2405.01234.md"), path: "r.md")
        #expect(record.day == Self.day)
        #expect(record.upvotes == 10)
        #expect(record.authors == ["A", "B", "C"])
        #expect(record.authorCount == nil)
        #expect(record.tags == ["cs.LG"])
        #expect(record.links.doi == "https://doi.org/10.1/x")
        #expect(record.abstract == "A longer abstract that says more.")
        #expect(record.published == Day(iso: "2024-05-02"))
    }

    @Test func aPoorerSourceNeverDowngradesTheRecord() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        var rich = Self.listingPaper(upvotes: 10)
        rich.authors = ["A", "B", "C", "D"]
        rich.authorCount = nil
        rich.summary = "Summary."
        rich.stars = 5
        _ = try RecordImporter(contentDirectory: root.path).run([rich])
        let before = try Self.read(root, "papers/2025-12-29/2405.01234.md")
        var poor = Paper(id: "2405.01234", title: "A Paper", authors: ["A"], authorCount: 2, day: Self.day, upvotes: 3,
                         abstract: "Short.")
        poor.stars = 1
        let report = try RecordImporter(contentDirectory: root.path).run([poor])
        #expect(report.summary == "0 new, 0 updated, 1 unchanged, 0 skipped")
        #expect(try Self.read(root, "papers/2025-12-29/2405.01234.md") == before)
    }

    @Test func aDryRunWritesNothing() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try RecordImporter(contentDirectory: root.path, dryRun: true).run([Self.listingPaper()])
        #expect(report.summary == "1 new, 0 updated, 0 unchanged, 0 skipped")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).isEmpty)
    }

    @Test func aDryRunReportsUpdatesWithoutWritingThem() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try RecordImporter(contentDirectory: root.path).run([Self.listingPaper(upvotes: 1)])
        let before = try Self.read(root, "papers/2025-12-29/2405.01234.md")
        let report = try RecordImporter(contentDirectory: root.path, dryRun: true).run([Self.listingPaper(upvotes: 9)])
        #expect(report.summary == "0 new, 1 updated, 0 unchanged, 0 skipped")
        #expect(try Self.read(root, "papers/2025-12-29/2405.01234.md") == before)
    }

    @Test func aSlugTakenByAnotherTitleMovesOnToTheNextSuffix() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let first = Paper(id: "attention", title: "Attention!", day: Self.day, abstract: "One.")
        let second = Paper(id: "attention", title: "Attention?", day: Self.day, abstract: "Two.")
        let report = try RecordImporter(contentDirectory: root.path).run([first, second])
        #expect(report.entries.map(\.id) == ["attention", "attention-2"])
        let again = try RecordImporter(contentDirectory: root.path).run([second, first])
        #expect(again.entries.map(\.id) == ["attention-2", "attention"])
        #expect(again.summary == "0 new, 0 updated, 2 unchanged, 0 skipped")
    }

    @Test func aPaperFeaturedAgainOnAnotherDayMergesIntoItsRecord() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try RecordImporter(contentDirectory: root.path).run([Self.listingPaper()])
        var later = Self.listingPaper(upvotes: 4)
        later.day = ImportFixtures.day("2025-12-30")
        let report = try RecordImporter(contentDirectory: root.path).run([later])
        #expect(report.entries.map(\.outcome) == [.updated])
        #expect(Self.files(root) == ["papers/2025-12-29/2405.01234.md"])
    }

    @Test func anUnreadableRecordIsLeftAloneAndThePaperSkipped() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("papers/hand")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let broken = "---\nid: \"2405.01234\"\ntitle: A Paper\nupvotes: many\nday: 2025-12-29\n---\n"
        try broken.write(to: folder.appendingPathComponent("2405.01234.md"), atomically: true, encoding: .utf8)
        let report = try RecordImporter(contentDirectory: root.path).run([Self.listingPaper()])
        #expect(report.entries.map(\.outcome) == [.skipped(reason: """
            the existing record cannot be read: papers/hand/2405.01234.md:4:10: 'upvotes' must be a whole number, got "many"
            """)])
        #expect(try Self.read(root, "papers/hand/2405.01234.md") == broken)
    }

    @Test func invalidIDsAndMissingTitlesAreSkippedWithTheReason() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let report = try RecordImporter(contentDirectory: root.path).run([
            Paper(id: "Not A Slug", title: "T", day: Self.day),
            Paper(id: "ok", title: "", day: Self.day),
        ])
        #expect(report.entries.map(\.outcome) == [
            .skipped(reason: "'id' \"Not A Slug\" is neither an arXiv id nor a slug"),
            .skipped(reason: "the paper has no title"),
        ])
        #expect(Self.files(root).isEmpty)
    }

    @Test func aSlugRecordMovesToTheArxivIDOnceOneIsKnown() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let listed = Paper(id: "why-language-models-hallucinate", title: "Why Language Models Hallucinate", authorCount: 4,
                           day: Self.day, upvotes: 7, abstract: "Short.")
        _ = try RecordImporter(contentDirectory: root.path).run([listed])
        let arxiv = Paper(id: "2509.04664", title: "Why Language Models  Hallucinate", authors: ["A", "B", "C", "D"],
                          day: ImportFixtures.day("2025-09-04"), upvotes: 2, abstract: "A longer abstract.")
        let dry = try RecordImporter(contentDirectory: root.path, dryRun: true).run([arxiv])
        #expect(dry.entries == [.init(id: "2509.04664", path: "papers/2025-12-29/2509.04664.md", outcome: .updated)])
        #expect(Self.files(root) == ["papers/2025-12-29/why-language-models-hallucinate.md"])
        let report = try RecordImporter(contentDirectory: root.path).run([arxiv])
        #expect(report == dry)
        #expect(Self.files(root) == ["papers/2025-12-29/2509.04664.md"])
        let record = try PaperRecordParser.parse(try Self.read(root, "papers/2025-12-29/2509.04664.md"), path: "r.md")
        #expect(record.id == "2509.04664")
        #expect(record.title == "Why Language Models Hallucinate")
        #expect(record.authors == ["A", "B", "C", "D"] && record.authorCount == nil)
        #expect(record.upvotes == 7 && record.day == Self.day && record.abstract == "A longer abstract.")
        let again = try RecordImporter(contentDirectory: root.path).run([listed, arxiv])
        #expect(again.entries.map(\.path) == ["papers/2025-12-29/2509.04664.md", "papers/2025-12-29/2509.04664.md"])
        #expect(again.summary == "0 new, 0 updated, 2 unchanged, 0 skipped")
        #expect(Self.files(root) == ["papers/2025-12-29/2509.04664.md"])
    }
}

@Suite("Sample content")
struct SampleContentTests {
    @Test func theShippedSampleContentLoadsWithoutAProblem() throws {
        let root = ImportFixtures.repositoryRoot
        let result = try ContentLoader(siteRoot: root.path).load()
        #expect(result.papers.count == 433)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let days = Dictionary(grouping: result.papers, by: \.day).mapValues(\.count)
        #expect(days == [Day(iso: "2025-12-29")!: 47, Day(iso: "2025-12-30")!: 132, Day(iso: "2025-12-31")!: 254])
    }
}

@Suite("Importing Hugging Face JSON")
struct HuggingFaceImportTests {
    @Test func papersFromHuggingFaceJSONBecomeRecordsAndUpgradeListingRecords() throws {
        let root = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let listed = Paper(id: "why-language-models-hallucinate", title: "Why Language Models Hallucinate", authorCount: 4,
                           day: ImportFixtures.day("2025-09-08"), published: ImportFixtures.day("2025-09-04"), upvotes: 30,
                           abstract: "Short.")
        _ = try RecordImporter(contentDirectory: root.path).run([listed])
        let json = try ImportFixtures.text("hf-daily-papers.sample.json")
        let papers = try HuggingFacePaperDecoder.decode(json, path: "hf.json")
        let report = try RecordImporter(contentDirectory: root.path).run(papers)
        #expect(report.entries.map(\.path) == ["papers/2025-09-08/2509.04664.md", "papers/2025-09-08/2509.05012.md",
                                               "papers/2025-09-08/2509.03311.md"])
        #expect(report.summary == "2 new, 1 updated, 0 unchanged, 0 skipped")
        let record = try PaperRecordParser.parse(try RecordImporterTests.read(root, "papers/2025-09-08/2509.04664.md"),
                                                 path: "r.md")
        #expect(record.authors.count == 4 && record.authorCount == nil)
        #expect(record.upvotes == 30)
        #expect(record.abstract.count > "Short.".count)
        let again = try RecordImporter(contentDirectory: root.path).run(papers)
        #expect(again.summary == "0 new, 0 updated, 3 unchanged, 0 skipped")
        #expect(RecordImporterTests.files(root).count == 3)
    }
}
