import DaybookContent
import Testing
@testable import DaybookLibrary
@testable import DaybookSite

@Suite struct ArchiveIndexTests {
    @Test func groupsDaysIntoISOWeeksAndMonthsNewestFirst() {
        let (library, _) = Reader.views([
            Reader.paper("a", day: "2026-11-30", upvotes: 1),  // Monday, W49
            Reader.paper("b", day: "2026-11-29", upvotes: 5),  // Sunday, W48
            Reader.paper("c", day: "2026-11-23", upvotes: 9),  // Monday, W48
            Reader.paper("d", day: "2026-10-31", upvotes: 2),
        ])
        let archive = ArchiveIndex(library: library)
        #expect(archive.weeks.map(\.key) == ["2026-W49", "2026-W48", "2026-W44"])
        #expect(archive.months.map(\.key) == ["2026-11", "2026-10"])
        #expect(archive.weeks[1].days == [Reader.day("2026-11-29"), Reader.day("2026-11-23")])
        #expect(archive.months[0].papers.map { library.papers[$0].id } == ["c", "b", "a"])
        #expect(archive.monthPosition["2026-10"] == 1)
    }

    @Test func labelsAWeekWithItsMondayAndSunday() {
        #expect(ArchiveIndex.weekLabel(Reader.day("2026-11-20")) == "Week 47, 2026: Nov 16 – Nov 22, 2026")
        #expect(ArchiveIndex.weekLabel(Reader.day("2027-01-01")) == "Week 53, 2026: Dec 28 – Jan 3, 2027")
    }

    @Test func anEmptyLibraryHasNoPeriods() {
        let archive = ArchiveIndex(library: Library(papers: []))
        #expect(archive.weeks.isEmpty && archive.months.isEmpty)
    }
}
