import DaybookContent
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSite

/// The day and period links and the day labels a renderer makes once per build are the ones it
/// would make for each page.
@Suite struct SiteRendererLinksTests {
    @Test(arguments: ["en", "zh"])
    func linksMadeOnceAreTheLinksMadeForAPage(language: String) throws {
        let renderer = try TemplateNamesTests.renderer(language: language)
        let strings = renderer.strings
        for day in renderer.library.days {
            let count = try #require(renderer.library.papersByDay[day]).count
            #expect(renderer.dayLink(day) == DayLink(day: day, url: renderer.routes.day(day), count: count, strings: strings))
            #expect(renderer.localized.long(day) == strings.dates.long(day))
        }
        let outside = Reader.day("2001-02-03")
        #expect(renderer.dayLink(outside) == DayLink(day: outside, url: renderer.routes.day(outside), count: 0, strings: strings))
        #expect(renderer.localized.long(outside) == strings.dates.long(outside))
        for kind in SiteRenderer.PeriodKind.allCases {
            for (position, period) in renderer.periods(kind).enumerated() {
                let made = renderer.periodLink(kind, position)
                let fresh = SiteRenderer.periodLink(kind, period, routes: renderer.routes, strings: strings)
                #expect([made.label, made.key, made.url, made.countLabel] == [fresh.label, fresh.key, fresh.url, fresh.countLabel])
                #expect(made.count == fresh.count)
            }
        }
    }

    @Test func aPaperReadsItsDatesInTheSitesLanguage() throws {
        let renderer = try TemplateNamesTests.renderer(language: "zh")
        let paper = renderer.paper(0).view.paper
        for (name, day) in [("day", paper.day), ("published", paper.published!), ("withdrawn", paper.withdrawn!)] {
            guard case .string(let text) = renderer.paper(0).value(ContextName(name)) else {
                Issue.record("\(name)")
                continue
            }
            #expect(text == renderer.strings.dates.long(day))
        }
    }
}
