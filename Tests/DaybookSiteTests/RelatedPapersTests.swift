import DaybookTestSupport
import Testing
@testable import DaybookLibrary
@testable import DaybookSite

@Suite struct RelatedPapersTests {
    @Test func ranksBySharedTagsThenClosenessInTime() {
        let (library, _) = Reader.views([
            Reader.paper("p", day: "2026-11-20", tags: ["llm", "rl"]),
            Reader.paper("both", day: "2026-10-01", tags: ["llm", "rl"]),
            Reader.paper("near", day: "2026-11-19", tags: ["llm"]),
            Reader.paper("far", day: "2026-01-01", tags: ["rl"]),
            Reader.paper("none", day: "2026-11-20", tags: ["vision"]),
        ])
        let related = RelatedPapers(library: library)
        let ids = { (id: String) in related.related[library.byID[id]!].map { library.papers[$0].id } }
        #expect(ids("p") == ["both", "near", "far"])
        #expect(ids("none").isEmpty)
    }

    @Test func listsAtMostTheLimit() {
        let papers = (0..<10).map { Reader.paper("p\($0)", tags: ["llm"]) }
        let (library, _) = Reader.views(papers)
        #expect(RelatedPapers(library: library, limit: 3).related.allSatisfy { $0.count == 3 })
    }

    /// The related papers are those of the definition: every candidate (within the window of the
    /// paper in each of its tags' lists) sorted by shared tags, closeness in day and index, the
    /// first `limit` kept; on random libraries, with the papers split across cores.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func matchesTheDefinitionOnRandomLibraries(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let tags = ["a", "b", "c", "d", "e", "f"]
        let papers = (0..<1_500).map { index in
            Reader.paper("p\(index)", day: "2026-0\(random.int(1..<10))-1\(random.int(0..<10))",
                         tags: tags.filter { _ in random.chance(30) })
        }
        let (library, _) = Reader.views(papers)
        let related = RelatedPapers(library: library)
        for index in library.papers.indices {
            var shared: [Int: Int] = [:]
            for (tag, entry) in library.tags.enumerated() {
                guard let position = entry.papers.firstIndex(of: index) else { continue }
                let list = library.tags[tag].papers
                for other in list[max(0, position - RelatedPapers.window)..<min(list.count, position + RelatedPapers.window + 1)]
                where other != index {
                    shared[other, default: 0] += 1
                }
            }
            let day = library.papers[index].day.daysSinceEpoch
            let distance = { (other: Int) in abs(library.papers[other].day.daysSinceEpoch - day) }
            let expected = shared.sorted {
                ($0.value, -distance($0.key), -$0.key) > ($1.value, -distance($1.key), -$1.key)
            }.prefix(RelatedPapers.limit).map(\.key)
            #expect(related.related[index] == expected, "\(index)")
        }
    }
}
