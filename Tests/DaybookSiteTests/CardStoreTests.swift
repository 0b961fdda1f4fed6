import DaybookContent
import Synchronization
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSite

/// A build's cards: made once each as pages ask for them, let go after their last page, few held
/// at a time in the render order, and the pages the same as with every card made ahead.
@Suite struct CardStoreTests {
    /// 240 papers over 80 days (three a day, ids in no date order), each with one or two of four
    /// tags; two papers a listing page.
    static let papers: [Paper] = (0..<240).map { n in
        let day = Day(iso: "2026-09-01")!.adding(days: n / 3)
        let tags = ["llm", "vision", "agents", "theory"]
        return Reader.paper(String(format: "2409.%05d", (n * 37) % 1000), day: day.description, upvotes: n % 7,
                            tags: n % 3 == 0 ? [tags[n % 4], tags[(n + 1) % 4]] : [tags[n % 4]])
    }

    /// Runs `pages` in order against `store` as a build does (each shown card asked for, then
    /// given back), counting how often each card is made and the most held at once.
    static func sweep(_ pages: [SiteRenderer.Job], _ store: CardStore) -> (made: [Int: Int], mostHeld: Int) {
        var made: [Int: Int] = [:], mostHeld = 0
        for page in pages where page.showsCards {
            for index in page.shows { _ = store.card(index) { made[index, default: 0] += 1; return "card \(index)" } }
            mostHeld = max(mostHeld, store.heldCount)
            store.release(page.shows)
        }
        return (made, mostHeld)
    }

    @Test func everyCardIsMadeOnceAndNoneIsHeldAfterTheLastPage() throws {
        let renderer = try Reader.renderer(Self.papers)
        let pages = renderer.pageJobs()
        let store = CardStore(pages: pages)
        let (made, _) = Self.sweep(CardStore.renderOrder(pages, library: renderer.library), store)
        #expect(made.count == Self.papers.count)
        #expect(made.values.allSatisfy { $0 == 1 })
        #expect(store.heldCount == 0)
    }

    @Test func theRenderOrderHoldsFewCardsAtATime() throws {
        let renderer = try Reader.renderer(Self.papers)
        let pages = renderer.pageJobs()
        let ordered = Self.sweep(CardStore.renderOrder(pages, library: renderer.library), CardStore(pages: pages))
        let asListed = Self.sweep(pages, CardStore(pages: pages))
        // Listed order makes every day's page first, so nearly every card waits for its week,
        // month and tag pages; in the render order a card waits at most for the pages of its
        // month (a month's pages rank its papers together, across its days).
        let month = try #require(renderer.archive.months.map(\.papers.count).max())
        #expect(asListed.mostHeld >= Self.papers.count * 3 / 4)
        #expect(ordered.mostHeld <= month && month <= Self.papers.count / 2,
                "\(ordered.mostHeld) of \(Self.papers.count) held at once, \(month) in the largest month")
    }

    @Test func aCardAskedForAfterItsLastCountedUseIsMadeAgain() throws {
        let renderer = try Reader.renderer(Self.papers)
        let day = try #require(renderer.pageJobs().first { $0.path.hasPrefix("days/") })
        let store = CardStore(pages: [day])
        let index = try #require(day.shows.first)
        let makes = Mutex(0)
        let make = { makes.withLock { $0 += 1 }; return "card" }
        #expect(store.card(index, make: make) == "card" && store.card(index, make: make) == "card")
        #expect(makes.withLock { $0 } == 1)
        store.release(day.shows)
        #expect(store.heldCount == 0)
        #expect(store.card(index, make: make) == "card")
        #expect(makes.withLock { $0 } == 2)
        // Never counted: made each time, never kept.
        let other = try #require(Set(0..<Self.papers.count).subtracting(day.shows).first)
        _ = store.card(other, make: make)
        #expect(store.heldCount == 0)
    }

    /// Pages made with the store, in the render order or by `render`, equal pages that each make
    /// the cards they show.
    @Test func pagesMadeWithTheStoreEqualPagesMakingTheirOwnCards() throws {
        let renderer = try Reader.renderer(Self.papers)
        #expect(renderer.cardStore == nil)
        let pages = renderer.pageJobs()
        let own = Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.make(renderer)) })
        var stored = renderer
        stored.cardStore = CardStore(pages: pages)
        var made: [String: [UInt8]] = [:]
        for page in CardStore.renderOrder(pages, library: renderer.library) { made[page.path] = stored.make(page) }
        #expect(made == own)
        #expect(stored.cardStore?.heldCount == 0)
        #expect(renderer.render(pages) == own)
    }
}
