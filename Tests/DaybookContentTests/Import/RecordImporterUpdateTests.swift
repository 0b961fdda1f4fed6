import Foundation
import Testing
@testable import DaybookContent

@Suite("RecordImporter: update-only papers (arXiv replace announcements)")
struct RecordImporterUpdateTests {
    @Test func anUpdateMergesIntoAnExistingRecordAndNeverCreatesOne() throws {
        let folder = try ImportFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let day = ImportFixtures.day("2024-08-21")
        let existing = Paper(id: "2408.11029", title: "Scaling Law with Learning Rate Annealing", authors: ["Howe Tissue"],
                             day: day, abstract: "Short.")
        _ = try RecordImporter(contentDirectory: folder.path).run([existing])

        var replaced = existing
        replaced.day = ImportFixtures.day("2025-09-08")
        replaced.abstract = "A longer abstract of the new version."
        replaced.links.doi = "https://doi.org/10.48550/arXiv.2408.11029"
        let absent = Paper(id: "2401.00001", title: "Not here", day: ImportFixtures.day("2025-09-08"))
        let report = try RecordImporter(contentDirectory: folder.path).run([], updates: [replaced, absent])
        #expect(report.entries.map(\.outcome) == [.updated, .notOnSite])
        #expect(report.summary == "0 new, 1 updated, 0 unchanged, 0 skipped, 1 new version of papers not on this site")

        let text = try String(contentsOf: folder.appendingPathComponent("papers/2024-08-21/2408.11029.md"), encoding: .utf8)
        #expect(text.contains("day: 2024-08-21"))
        #expect(text.contains("A longer abstract of the new version."))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("papers/2025-09-08").path))
    }

    @Test func theSummaryIsUnchangedWithoutUpdates() {
        #expect(ImportReport().summary == "0 new, 0 updated, 0 unchanged, 0 skipped")
    }
}
