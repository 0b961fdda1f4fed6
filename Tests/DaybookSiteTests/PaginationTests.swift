import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct PaginationTests {
    let routes = Reader.routes

    @Test func splitsAListIntoPagesWithPrettyURLs() {
        let pages = Pagination.pages(total: 5, perPage: 2, first: routes.month("2026-11"), routes: routes)
        #expect(pages.map(\.url) == ["/sub/papers/months/2026-11/", "/sub/papers/months/2026-11/page/2/", "/sub/papers/months/2026-11/page/3/"])
        #expect(pages.map(\.range) == [0..<2, 2..<4, 4..<5])
        #expect(pages[0].child(named: "previousURL") == nil)
        #expect(pages[1].child(named: "previousURL") as? String == "/sub/papers/months/2026-11/")
        #expect(pages[1].child(named: "nextURL") as? String == "/sub/papers/months/2026-11/page/3/")
        #expect(pages[2].child(named: "nextURL") == nil)
        #expect(pages[2].child(named: "first") as? Int == 5)
    }

    @Test func anEmptyListStillHasOneUnpagedPage() {
        let pages = Pagination.pages(total: 0, perPage: 50, first: routes.archive, routes: routes)
        #expect(pages.count == 1)
        #expect(pages[0].range == 0..<0)
        #expect(pages[0].child(named: "isPaged") as? Bool == false)
    }

    @Test func aZeroPerPageIsTreatedAsOne() {
        #expect(Pagination.pages(total: 3, perPage: 0, first: routes.archive, routes: routes).count == 3)
    }
}
