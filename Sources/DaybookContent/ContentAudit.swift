/// Warnings (never errors) about records that are valid but probably not what the author meant:
/// an empty abstract, a featured day before the published date, the same title under two ids, a
/// record in a dated folder (`papers/2026-11-20/`) whose `day` differs.
///
/// The audit of a list of papers is kept so that its warnings can be brought up to date
/// after some papers changed in place (the preview's saves) at the cost of those papers, not of
/// the list: each paper's own warnings are kept by index, and papers are grouped by title (the
/// first of a title, in list order, is the one the others are warned about).
public struct ContentAudit: Sendable {
    /// The papers' titles as compared (lowercased), by index.
    private var titleKeys: [String]
    /// Indices of the papers of each title, ascending.
    private var titles: [String: TitleGroup]
    /// Warnings about one paper alone, by index (papers without any are absent).
    private var own: [Int: [Diagnostic]] = [:]
    /// The duplicate-title warning of each paper that has one, by index.
    private var duplicates: [Int: Diagnostic] = [:]
    /// Every warning, sorted.
    public private(set) var warnings: [Diagnostic] = []

    private struct TitleGroup: Sendable {
        var first: Int
        /// Later papers with the title, ascending (empty for most titles: no allocation).
        var others: [Int] = []

        var members: [Int] { [first] + others }

        mutating func insert(_ index: Int) {
            if index < first {
                others.insert(first, at: 0)
                first = index
            } else {
                var low = 0, high = others.count
                while low < high {
                    let middle = (low + high) / 2
                    if others[middle] < index { low = middle + 1 } else { high = middle }
                }
                others.insert(index, at: low)
            }
        }

        /// Removes `index`; false when the group is left empty.
        mutating func remove(_ index: Int) -> Bool {
            if index == first {
                guard !others.isEmpty else { return false }
                first = others.removeFirst()
            } else if let position = others.firstIndex(of: index) {
                others.remove(at: position)
            }
            return true
        }
    }

    /// Audits `papers` (indexed from 0, in the order warnings name "the first" of a title: by id).
    /// `positions`: where each `.md` record wrote its fields, by paper id.
    public init<Papers: RandomAccessCollection>(papers: Papers, positions: [String: RecordPositions])
    where Papers.Element == Paper, Papers.Index == Int {
        titleKeys = papers.map { $0.title.lowercased() }  // titles are already whitespace-collapsed
        titles = [:]
        titles.reserveCapacity(papers.count)
        for index in papers.indices {
            let key = titleKeys[index]
            if titles[key]?.others.append(index) == nil { titles[key] = TitleGroup(first: index) }
            let found = ContentAudit.ownWarnings(papers[index], positions[papers[index].id])
            if !found.isEmpty { own[index] = found }
        }
        for group in titles.values where !group.others.isEmpty {
            markDuplicates(group, papers: papers, positions: positions)
        }
        collect()
    }

    /// Brings the warnings up to date after the papers at `changed` were replaced in place
    /// (`papers` has the same count as before; its other papers and their positions are as audited).
    public mutating func update<Papers: RandomAccessCollection>(papers: Papers, positions: [String: RecordPositions],
                                                                changed: some Sequence<Int>)
    where Papers.Element == Paper, Papers.Index == Int {
        var touched = Set<String>()
        for index in Set(changed) where index >= 0 && index < titleKeys.count {
            let old = titleKeys[index], new = papers[index].title.lowercased()
            let found = ContentAudit.ownWarnings(papers[index], positions[papers[index].id])
            own[index] = found.isEmpty ? nil : found
            for key in [old, new] where touched.insert(key).inserted {
                for member in titles[key]?.members ?? [] { duplicates[member] = nil }
            }
            guard old != new else { continue }
            if titles[old]?.remove(index) == false { titles[old] = nil }
            if titles[new]?.insert(index) == nil { titles[new] = TitleGroup(first: index) }
            titleKeys[index] = new
        }
        for key in touched {
            if let group = titles[key], !group.others.isEmpty { markDuplicates(group, papers: papers, positions: positions) }
        }
        collect()
    }

    private mutating func markDuplicates<Papers: RandomAccessCollection>(_ group: TitleGroup, papers: Papers,
                                                                         positions: [String: RecordPositions])
    where Papers.Element == Paper, Papers.Index == Int {
        let first = papers[group.first]
        for index in group.others {
            let paper = papers[index]
            duplicates[index] = ContentAudit.warning(paper, "same title as '\(first.id)' (\(first.source.path))",
                                                     at: positions[paper.id]?.title)
        }
    }

    private mutating func collect() {
        var all = Array(duplicates.values)
        for found in own.values { all += found }
        warnings = all.sorted()
    }

    /// Warnings about `paper` alone: an empty abstract, a featured day before the published
    /// date, a record in a dated folder whose `day` differs.
    static func ownWarnings(_ paper: Paper, _ record: RecordPositions?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if paper.abstract.allSatisfy(\.isWhitespace) {
            found.append(warning(paper, "empty abstract", at: record.map { _ in (paper.source.bodyLine, 1) }))
        }
        if let published = paper.published, paper.day < published {
            found.append(warning(paper, "featured day \(paper.day) is before the published date \(published)", at: record?.day))
        }
        if let record, let folderDay = folderDay(of: paper.source.path), folderDay != paper.day {
            found.append(warning(paper, "'day' is \(paper.day) but the record is in folder \(folderDay)", at: record.day))
        }
        return found
    }

    private static func warning(_ paper: Paper, _ message: String, at position: (line: Int, column: Int)?) -> Diagnostic {
        Diagnostic(path: paper.source.path, line: position?.line ?? 0, column: position?.column ?? 0,
                   message: message, severity: .warning)
    }

    /// The date named by the record's nearest folder, when that folder's name is a date. Empty
    /// components (`a//b`) are skipped, as `split` would.
    private static func folderDay(of path: String) -> Day? {
        let utf8 = path.utf8
        let slash = UInt8(ascii: "/")
        func trimmingSlashes(_ end: String.Index) -> String.Index {
            var end = end
            while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
            return end
        }
        let nameEnd = trimmingSlashes(utf8.endIndex)
        guard let nameSlash = utf8[..<nameEnd].lastIndex(of: slash) else { return nil }
        let folderEnd = trimmingSlashes(nameSlash)
        guard folderEnd > utf8.startIndex else { return nil }
        let folderStart = utf8[..<folderEnd].lastIndex(of: slash).map(utf8.index(after:)) ?? utf8.startIndex
        guard utf8.distance(from: folderStart, to: folderEnd) == 10 else { return nil }
        return Day(iso: path[folderStart..<folderEnd])
    }
}
