import DaybookContent
import Testing
@testable import DaybookLibrary
@testable import DaybookSite

@Suite struct LibraryTests {
    @Test func ranksPapersOfADayByUpvotesThenTitleThenID() {
        let library = Library(papers: [
            paper("b", upvotes: 5, title: "Same"), paper("a", upvotes: 5, title: "Same"),
            paper("c", upvotes: 9), paper("d", upvotes: nil), paper("e", upvotes: 5, title: "Alpha"),
        ])
        let ids = library.papersByDay[day("2026-11-20")]!.map { library.papers[$0].id }
        #expect(ids == ["c", "e", "a", "b", "d"])
    }

    @Test func listsDaysNewestFirstWithNeighbours() {
        let library = Library(papers: [paper("a", day: "2026-11-18"), paper("b", day: "2026-11-20"),
                                       paper("c", day: "2026-11-19")])
        #expect(library.days.map(\.description) == ["2026-11-20", "2026-11-19", "2026-11-18"])
        let middle = library.neighbours(of: day("2026-11-19"))
        #expect(middle.previous == day("2026-11-18"))
        #expect(middle.next == day("2026-11-20"))
        #expect(library.neighbours(of: day("2026-11-20")).next == nil)
        #expect(library.neighbours(of: day("2026-11-18")).previous == nil)
    }

    @Test func newestTakesWholeDaysInRankOrderUpToTheCount() {
        let library = Library(papers: [paper("old", day: "2026-11-01", upvotes: 100), paper("x", upvotes: 1),
                                       paper("y", upvotes: 2)])
        #expect(library.newest(2).map { library.papers[$0].id } == ["y", "x"])
        #expect(library.newest(10).map { library.papers[$0].id } == ["y", "x", "old"])
    }

    @Test func groupsTagsBySlugSoSpellingsShareOnePage() {
        let library = Library(papers: [paper("a", tags: ["Vision Language"]), paper("b", tags: ["vision-language", "llm"])])
        #expect(library.tags.map(\.slug) == ["llm", "vision-language"])
        #expect(library.tags[1].papers.count == 2)
    }

    @Test func reportsTwoRecordsThatWouldShareAURL() {
        let library = Library(papers: [paper("hep-ex/0307015"), paper("hep-ex_0307015")])
        let problems = library.urlCollisions(routes: Routes(config: SiteConfig()))
        #expect(problems.map(\.description) == [
            "content/papers/hep-ex_0307015.md:1:1: id 'hep-ex_0307015' would be published at /papers/hep-ex_0307015/, as is 'hep-ex/0307015' (content/papers/hep-ex/0307015.md)",
        ])
    }
}
