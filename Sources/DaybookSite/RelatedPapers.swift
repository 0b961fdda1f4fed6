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
        var related: [[Int]] = []
        related.reserveCapacity(library.papers.count)
        var shared: [Int: Int] = [:]
        for index in library.papers.indices {
            shared.removeAll(keepingCapacity: true)
            for (tagIndex, position) in positions[index] {
                let list = library.tags[tagIndex].papers
                let lower = max(0, position - RelatedPapers.window)
                let upper = min(list.count, position + RelatedPapers.window + 1)
                for other in list[lower..<upper] where other != index {
                    shared[other, default: 0] += 1
                }
            }
            guard !shared.isEmpty else {
                related.append([])
                continue
            }
            let day = library.papers[index].day.daysSinceEpoch
            let best = shared.sorted { a, b in
                if a.value != b.value { return a.value > b.value }
                let da = abs(library.papers[a.key].day.daysSinceEpoch - day)
                let db = abs(library.papers[b.key].day.daysSinceEpoch - day)
                if da != db { return da < db }
                return a.key < b.key
            }
            related.append(best.prefix(limit).map(\.key))
        }
        self.related = related
    }
}
