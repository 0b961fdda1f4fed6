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
}
