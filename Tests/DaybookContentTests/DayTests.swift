import Testing
@testable import DaybookContent

@Suite struct DayTests {
    @Test func parsesRealDatesAndRejectsImpossibleOnes() {
        #expect(Day(iso: "2026-11-20")?.description == "2026-11-20")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "2026-1-01") == nil)
        #expect(Day(iso: "2026-11-20T10:00:00Z") == nil)
        #expect(Day(iso: "2026-11-20T10:00:00Z", allowTime: true)?.description == "2026-11-20")
        #expect(Day(iso: "20x6-11-20") == nil)
    }

    @Test func countsDaysAcrossEpochAndLeapYears() {
        #expect(Day(iso: "1970-01-01")!.daysSinceEpoch == 0)
        #expect(Day(iso: "2000-03-01")!.daysSinceEpoch == 11017)
        #expect(Day(daysSinceEpoch: 11017).description == "2000-03-01")
        #expect(Day(iso: "2024-12-31")!.adding(days: 1).description == "2025-01-01")
        #expect(Day(iso: "1969-12-31")!.daysSinceEpoch == -1)
    }

    @Test func findsISOWeeksAtYearBoundaries() {
        #expect(Day(iso: "2026-11-20")!.weekKey == "2026-W47")
        #expect(Day(iso: "2021-01-03")!.weekKey == "2020-W53")
        #expect(Day(iso: "2024-12-30")!.weekKey == "2025-W01")
        #expect(Day(iso: "2026-11-20")!.weekday == 5)
    }

    @Test func formatsForFeedsAndPages() {
        let day = Day(iso: "2026-11-20")!
        #expect(day.rfc822 == "Fri, 20 Nov 2026 00:00:00 +0000")
        #expect(day.rfc3339 == "2026-11-20T00:00:00Z")
        #expect(day.longName == "November 20, 2026")
        #expect(Day(iso: "2026-01-05")!.shortName == "Jan 5, 2026")
        #expect(day.monthKey == "2026-11")
    }
}
