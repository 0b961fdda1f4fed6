import DaybookContent
import DaybookTestSupport
import Testing
@testable import DaybookLibrary
@testable import DaybookSite

/// The preview patches the library, archive and related papers after an edit instead of making
/// them again; each patched value must equal the one made from scratch.
@Suite struct IncrementalIndexTests {
    typealias Generator = SeededGenerator

    static let tags = ["llm", "LLM", "vision", "agents", "new tag"]
    static let days = ["2026-10-30", "2026-11-02", "2026-11-03", "2026-11-16", "2026-11-20", "2026-12-01"]

    static func randomPaper(_ id: String, _ random: inout Generator) -> Paper {
        paper(id, day: days.randomElement(using: &random)!, upvotes: Bool.random(using: &random) ? Int.random(in: 0..<5, using: &random) : nil,
              title: "T\(Int.random(in: 0..<4, using: &random))",
              tags: Array(tags.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))))
    }

    func expectEqual(_ a: Library, _ b: Library, _ step: String) {
        #expect(a.papers == b.papers, "\(step): papers")
        #expect(a.byID == b.byID, "\(step): byID")
        #expect(a.days == b.days, "\(step): days")
        #expect(a.papersByDay == b.papersByDay, "\(step): papersByDay")
        #expect(a.tags.map(\.slug) == b.tags.map(\.slug), "\(step): tag slugs")
        #expect(a.tags.map(\.name) == b.tags.map(\.name), "\(step): tag names")
        #expect(a.tags.map(\.papers) == b.tags.map(\.papers), "\(step): tag lists")
    }

    @Test(arguments: [11, 12] as [UInt64])
    func patchedLibraryArchiveAndRelatedPapersEqualFreshOnes(seed: UInt64) {
        var random = Generator(state: seed)
        var papers = (0..<300).map { IncrementalIndexTests.randomPaper(String(format: "2411.%05d", $0), &random) }
        var library = Library(papers: papers)
        var archive = ArchiveIndex(library: library)
        var related = RelatedPapers(library: library, limit: 3)
        for step in 0..<40 {
            var edits: [Int: Paper] = [:]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<papers.count, using: &random)
                edits[index] = IncrementalIndexTests.randomPaper(papers[index].id, &random)
            }
            for (index, paper) in edits { papers[index] = paper }
            let patched = library.replacing(edits)
            let fresh = Library(papers: papers)
            expectEqual(patched, fresh, "step \(step)")

            var touched = Set<Day>()
            for index in edits.keys { touched.formUnion([library.papers[index].day, patched.papers[index].day]) }
            let patchedArchive = archive.updating(from: library, to: patched, touchedDays: touched)
            let freshArchive = ArchiveIndex(library: fresh)
            for (a, b) in [(patchedArchive.weeks, freshArchive.weeks), (patchedArchive.months, freshArchive.months)] {
                #expect(a.map(\.key) == b.map(\.key) && a.map(\.days) == b.map(\.days) && a.map(\.papers) == b.map(\.papers),
                        "step \(step): archive")
            }

            let (patchedRelated, recomputed) = related.updating(from: library, to: patched, edited: Set(edits.keys), limit: 3)
            let freshRelated = RelatedPapers(library: fresh, limit: 3)
            #expect(patchedRelated.related == freshRelated.related, "step \(step): related")
            #expect(recomputed.isSuperset(of: edits.keys))
            library = patched
            archive = patchedArchive
            related = patchedRelated
        }
    }
}
