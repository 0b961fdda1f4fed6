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

    /// Papers are taken in runs, one run at a time per core; the result does not depend on it.
    public init(library: Library, limit: Int = RelatedPapers.limit) {
        var positions: [[(tag: Int, position: Int)]] = Array(repeating: [], count: library.papers.count)
        for (tagIndex, entry) in library.tags.enumerated() {
            for (position, paper) in entry.papers.enumerated() {
                positions[paper].append((tagIndex, position))
            }
        }
        let count = library.papers.count
        let days = RelatedPapers.days(of: library)
        let run = max(256, count / (ParallelWork.workers * 8))
        let runs = Array(stride(from: 0, to: count, by: run)).parallelMap { [positions] start in
            var shared = Scratch(count: count)
            return (start..<min(count, start + run)).map {
                RelatedPapers.best(for: $0, at: positions[$0], in: library, days: days, limit: limit, scratch: &shared)
            }
        }
        self.related = Array(runs.joined())
    }

    init(related: [[Int]]) {
        self.related = related
    }

    /// Each paper's featured day as a number (`Day.daysSinceEpoch`), by index.
    static func days(of library: Library) -> [Int] {
        library.papers.map { $0.day.daysSinceEpoch }
    }

    /// How many tags each candidate shares with the paper at hand, counted in a flat array (reset
    /// after each paper through the list of candidates met).
    struct Scratch {
        private(set) var shared: [Int]
        /// Candidates in the order first met.
        private(set) var candidates: [Int] = []

        init(count: Int) {
            shared = Array(repeating: 0, count: count)
        }

        mutating func add(_ paper: Int) {
            if shared[paper] == 0 { candidates.append(paper) }
            shared[paper] += 1
        }

        mutating func clear() {
            for paper in candidates { shared[paper] = 0 }
            candidates.removeAll(keepingCapacity: true)
        }
    }

    /// The papers related to `index`, found around its `positions` in its tags' lists: the first
    /// `limit` candidates by most tags shared, then closest day, then index.
    static func best(for index: Int, at positions: [(tag: Int, position: Int)], in library: Library, days: [Int],
                     limit: Int, scratch: inout Scratch) -> [Int] {
        scratch.clear()
        for (tagIndex, position) in positions {
            let list = library.tags[tagIndex].papers
            let lower = max(0, position - RelatedPapers.window)
            let upper = min(list.count, position + RelatedPapers.window + 1)
            for other in list[lower..<upper] where other != index {
                scratch.add(other)
            }
        }
        guard limit > 0 else { return [] }
        let day = days[index]
        // The best `limit` so far, best first: a few insertions instead of sorting every candidate.
        var best: [Candidate] = []
        for paper in scratch.candidates {
            let candidate = Candidate(shared: scratch.shared[paper], distance: abs(days[paper] - day),
                                      paper: paper)
            guard best.count < limit || candidate.precedes(best[best.count - 1]) else { continue }
            best.insert(candidate, at: best.firstIndex { candidate.precedes($0) } ?? best.count)
            if best.count > limit { best.removeLast() }
        }
        return best.map(\.paper)
    }

    /// A related paper as ranked: most tags shared, then closest featured day, then lowest index.
    struct Candidate {
        let shared: Int
        let distance: Int
        let paper: Int

        func precedes(_ other: Candidate) -> Bool {
            if shared != other.shared { return shared > other.shared }
            if distance != other.distance { return distance < other.distance }
            return paper < other.paper
        }
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
        var shared = Scratch(count: library.papers.count)
        let days = RelatedPapers.days(of: library)
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
