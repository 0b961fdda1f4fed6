import Testing
@testable import DaybookContent

@Suite("Paper merger")
struct PaperMergerTests {
    let day8 = Day(year: 2025, month: 9, day: 8)!
    let day9 = Day(year: 2025, month: 9, day: 9)!

    @Test func combinesImportedVersionsKeepingTheLargerCountsTheLongerAuthorListAndTheEarliestDay() {
        let first = Paper(id: "a", title: "T", authors: ["X"], day: day9, upvotes: 10, summary: nil, stars: 5,
                          abstract: "", source: SourceLocation(path: "content/1.json"))
        let second = Paper(id: "a", title: "T2", authors: ["X", "Y"], day: day8, published: day8, upvotes: 7,
                           summary: "S", links: PaperLinks(code: "https://c"), stars: 9, abstract: "A",
                           source: SourceLocation(path: "content/2.json"))
        let merged = PaperMerger.combineImported(first, second)
        #expect(merged.title == "T")
        #expect(merged.authors == ["X", "Y"])
        #expect(merged.day == day8)
        #expect(merged.published == day8)
        #expect(merged.upvotes == 10)
        #expect(merged.stars == 9)
        #expect(merged.summary == "S")
        #expect(merged.links.code == "https://c")
        #expect(merged.abstract == "A")
        #expect(merged.source.path == "content/1.json")
    }

    @Test func letsARecordWinForEveryFieldItSets() {
        let record = Paper(id: "a", title: "Mine", day: day9, upvotes: 1, tags: ["mine"], abstract: "Mine.",
                           source: SourceLocation(path: "content/a.md", bodyLine: 6))
        let imported = Paper(id: "a", title: "Theirs", authors: ["X"], day: day8, published: day8, upvotes: 50,
                             tags: ["theirs"], summary: "S", stars: 3, withdrawn: day9, abstract: "Theirs.",
                             source: SourceLocation(path: "content/a.json"))
        let merged = PaperMerger.overlay(record: record, on: imported)
        #expect(merged.title == "Mine" && merged.day == day9 && merged.upvotes == 1)
        #expect(merged.tags == ["mine"] && merged.abstract == "Mine.")
        #expect(merged.authors == ["X"] && merged.published == day8 && merged.summary == "S")
        #expect(merged.stars == 3 && merged.withdrawn == day9)
        #expect(merged.source == SourceLocation(path: "content/a.md", bodyLine: 6))
    }

    @Test func fillsAnEmptyRecordAbstractFromImportedData() {
        let record = Paper(id: "a", title: "T", day: day9)
        let imported = Paper(id: "a", title: "T", authorCount: 4, day: day8, abstract: "From JSON.")
        let merged = PaperMerger.overlay(record: record, on: imported)
        #expect(merged.abstract == "From JSON.")
        #expect(merged.authorCount == 4)
    }

    @Test func mergesByIdAndSortsById() {
        let papers = PaperMerger.merge(
            records: [Paper(id: "b", title: "B", day: day9)],
            imported: [Paper(id: "c", title: "C", day: day9, upvotes: 1), Paper(id: "b", title: "B2", day: day8),
                       Paper(id: "c", title: "C", day: day8, upvotes: 2)])
        #expect(papers.map(\.id) == ["b", "c"])
        #expect(papers[0].title == "B" && papers[0].day == day9)
        #expect(papers[1].upvotes == 2 && papers[1].day == day8)
    }
}
