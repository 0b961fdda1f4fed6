import DaybookLibrary
import Synchronization

/// The cards a build's listing pages show, each made when a page first asks for it and let go
/// once the last page that shows it is made (a paper's card is on its day's, week's, month's and
/// tags' pages): at 100,000 papers the build never holds every card (75 MB) at once.
///
/// Uses are counted up front from the pages to render (`SiteRenderer.Job.showsCards`); a page
/// gives its cards back when made (`release`). A card asked for after its last counted use, or
/// never counted, is made again: a miscount costs time, never a wrong page. Pages made in order of
/// the first paper they show (`renderOrder`) keep few cards alive: at most those of a month's
/// pages (which rank a month's papers together) and each tag's current page.
package final class CardStore: Sendable {
    /// One lock per stripe of paper indices, each with its live cards and their uses still to come.
    private let stripes: [Stripe]

    private final class Stripe: Sendable {
        let entries: Mutex<[Int: Entry]>

        init(_ entries: [Int: Entry]) {
            self.entries = Mutex(entries)
        }
    }

    private struct Entry {
        var card: String?
        var uses: Int
    }

    private static let stripeCount = 64

    /// A store for `pages`: each index in the `shows` of a page that shows cards is one use.
    package init(pages: some Sequence<SiteRenderer.Job>) {
        var counts = Array(repeating: [Int: Entry](), count: CardStore.stripeCount)
        for page in pages where page.showsCards {
            for index in page.shows { counts[index % CardStore.stripeCount][index, default: Entry(uses: 0)].uses += 1 }
        }
        stripes = counts.map(Stripe.init)
    }

    /// The card of paper `index`: the one made for an earlier page, or `make()`'s, kept for the
    /// pages still to come that show it.
    package func card(_ index: Int, make: () -> String) -> String {
        let stripe = stripes[index % CardStore.stripeCount]
        if let card = stripe.entries.withLock({ $0[index]?.card }) { return card }
        let card = make()
        stripe.entries.withLock { entries in
            if entries[index] != nil, entries[index]!.card == nil { entries[index]!.card = card }
        }
        return card
    }

    /// One use of each of `indices` is over (a page that shows them is made): a card with no use
    /// left is let go.
    package func release(_ indices: some Sequence<Int>) {
        for index in indices {
            stripes[index % CardStore.stripeCount].entries.withLock { entries in
                guard let uses = entries[index]?.uses else { return }
                if uses <= 1 { entries[index] = nil } else { entries[index]!.uses = uses - 1 }
            }
        }
    }

    /// How many cards are held now.
    package var heldCount: Int {
        stripes.reduce(0) { total, stripe in total + stripe.entries.withLock { $0.values.count { $0.card != nil } } }
    }

    /// `pages` in the order that keeps the fewest cards alive: pages that show cards by where the
    /// first paper they show stands in the site's order (days newest first, each day's papers
    /// ranked: the order every listing shows its papers in), the rest after them; ties keep their order.
    package static func renderOrder(_ pages: [SiteRenderer.Job], library: Library) -> [SiteRenderer.Job] {
        var place = Array(repeating: Int.max, count: library.papers.count)
        var next = 0
        for day in library.days {
            for index in library.papersByDay[day] ?? [] {
                place[index] = next
                next += 1
            }
        }
        let keyed = pages.enumerated().map { offset, page in
            (key: page.showsCards ? page.shows.first.map { place[$0] } ?? Int.max : Int.max, offset: offset)
        }
        return keyed.sorted { ($0.key, $0.offset) < ($1.key, $1.offset) }.map { pages[$0.offset] }
    }
}
