import DaybookSystem

/// Papers related to each paper by shared tags, for the "Related papers" list of paper pages.
///
/// A paper's candidates are its neighbours in each of its tags' lists (those lists are newest day
/// first), so the cost stays linear in the number of papers even when a tag holds tens of
/// thousands. Candidates are scored by how many tags they share, then by closeness in featured
/// day, then by id: deterministic.
public struct RelatedPapers: Sendable {
    /// How many related papers a page lists.
    public static let limit = 5
    /// How far to look either side of a paper in one tag's list.
    static let window = 24

    /// Related paper indices per paper index, best first.
    public let related: [[Int]]

    public init(library: Library, limit: Int = RelatedPapers.limit) {
        var positions: [[(tag: Int, position: Int)]] = Array(repeating: [], count: library.papers.count)
        for (tagIndex, entry) in library.tags.enumerated() {
            for (position, paper) in entry.papers.enumerated() {
                positions[paper].append((tagIndex, position))
            }
        }
        let days = RelatedPapers.days(library)
        let found = positions
        // Chunks of papers on every core, each with its own scratch table.
        let chunks = Array(stride(from: 0, to: library.papers.count, by: 2048))
        let parts = chunks.parallelMap { start in
            var shared: [Int: Int] = [:]
            return (start..<min(start + 2048, library.papers.count)).map { index in
                RelatedPapers.best(for: index, at: found[index], in: library, days: days, limit: limit, scratch: &shared)
            }
        }
        self.related = parts.flatMap { $0 }
    }

    init(related: [[Int]]) {
        self.related = related
    }

    /// Each paper's featured day as a day number, to compare distances without converting dates.
    static func days(_ library: Library) -> [Int] {
        library.papers.map(\.day.daysSinceEpoch)
    }

    /// The papers related to `index`, found around its `positions` in its tags' lists: the
    /// `limit` best candidates by shared tags, then closeness in day (`days`), then index.
    static func best(for index: Int, at positions: [(tag: Int, position: Int)], in library: Library, days: [Int], limit: Int,
                     scratch shared: inout [Int: Int]) -> [Int] {
        shared.removeAll(keepingCapacity: true)
        for (tagIndex, position) in positions {
            let list = library.tags[tagIndex].papers
            let lower = max(0, position - RelatedPapers.window)
            let upper = min(list.count, position + RelatedPapers.window + 1)
            for other in list[lower..<upper] where other != index {
                shared[other, default: 0] += 1
            }
        }
        guard !shared.isEmpty, limit > 0 else { return [] }
        let day = days[index]
        // The best `limit`, kept in order as candidates come (the order is total: ties end at the index).
        var top: [(paper: Int, shared: Int, distance: Int)] = []
        top.reserveCapacity(limit + 1)
        func precedes(_ a: (paper: Int, shared: Int, distance: Int), _ b: (paper: Int, shared: Int, distance: Int)) -> Bool {
            if a.shared != b.shared { return a.shared > b.shared }
            if a.distance != b.distance { return a.distance < b.distance }
            return a.paper < b.paper
        }
        for (paper, count) in shared {
            let candidate = (paper: paper, shared: count, distance: abs(days[paper] - day))
            if top.count == limit, !precedes(candidate, top[limit - 1]) { continue }
            var slot = top.count
            while slot > 0, precedes(candidate, top[slot - 1]) { slot -= 1 }
            top.insert(candidate, at: slot)
            if top.count > limit { top.removeLast() }
        }
        return top.map(\.paper)
    }

    /// The related papers of `library`, made from these (computed for `previous`, which has the
    /// same ids) after `edited` papers changed: only papers near an edited one in a tag's list,
    /// or in a stretch of a list that moved, are computed again. Also returns those papers.
    public func updating(from previous: Library, to library: Library, edited: Set<Int>,
                         limit: Int = RelatedPapers.limit) -> (related: RelatedPapers, recomputed: Set<Int>) {
        var slugs = Set<String>()
        for index in edited {
            for tag in previous.papers[index].tags { slugs.insert(Routes.tagSlug(tag)) }
            for tag in library.papers[index].tags { slugs.insert(Routes.tagSlug(tag)) }
        }
        var recomputed = edited
        let window = RelatedPapers.window + 1
        for slug in slugs {
            let before = Library.position(ofSlug: slug, in: previous.tags)
            let after = Library.position(ofSlug: slug, in: library.tags)
            let old = before.found ? previous.tags[before.index].papers : []
            let new = after.found ? library.tags[after.index].papers : []
            // The stretch where the lists differ, widened by the window on both sides.
            var first = 0
            while first < old.count && first < new.count && old[first] == new[first] { first += 1 }
            var tailOld = old.count, tailNew = new.count
            while tailOld > first && tailNew > first && old[tailOld - 1] == new[tailNew - 1] { tailOld -= 1; tailNew -= 1 }
            for list in [(old, tailOld), (new, tailNew)] where first < list.1 || !list.0.isEmpty {
                let lower = max(0, first - window)
                let upper = min(list.0.count, max(list.1, first) + window)
                if lower < upper { recomputed.formUnion(list.0[lower..<upper]) }
                // Around each edited paper: its day may have changed without moving it.
                for (position, paper) in list.0.enumerated() where edited.contains(paper) {
                    recomputed.formUnion(list.0[max(0, position - window)..<min(list.0.count, position + window + 1)])
                }
            }
        }
        var related = self.related
        var shared: [Int: Int] = [:]
        let days = RelatedPapers.days(library)
        let rank = Library.ranking(library.papers)
        // A tag's list is ordered newest day first, then ranked: find a paper by binary search.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            let da = library.papers[a].day, db = library.papers[b].day
            return da != db ? da > db : rank(a, b)
        }
        for index in recomputed {
            var positions: [(tag: Int, position: Int)] = []
            var seen = Set<String>()
            for tag in library.papers[index].tags {
                let slug = Routes.tagSlug(tag)
                guard seen.insert(slug).inserted else { continue }
                let tagIndex = Library.position(ofSlug: slug, in: library.tags).index
                let list = library.tags[tagIndex].papers
                var low = 0, high = list.count
                while low < high {
                    let middle = (low + high) / 2
                    if precedes(list[middle], index) { low = middle + 1 } else { high = middle }
                }
                positions.append((tagIndex, low))
            }
            positions.sort { $0.tag < $1.tag }
            related[index] = RelatedPapers.best(for: index, at: positions, in: library, days: days, limit: limit, scratch: &shared)
        }
        return (RelatedPapers(related: related), recomputed)
    }
}
