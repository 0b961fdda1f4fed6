/// Warnings (never errors) about records that are valid but probably not what the author meant:
/// an empty abstract, a featured day before the published date, the same title under two ids, a
/// record in a dated folder (`papers/2026-11-20/`) whose `day` differs.
public enum ContentAuditor {
    /// The warnings for `papers` (sorted by id); `positions`: where each `.md` record wrote its
    /// fields, by paper id (imported papers have none).
    public static func warnings(for papers: some Sequence<Paper>, positions: [String: RecordPositions]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func warn(_ paper: Paper, _ message: String, at position: (line: Int, column: Int)?) {
            warnings.append(Diagnostic(path: paper.source.path, line: position?.line ?? 0, column: position?.column ?? 0,
                                       message: message, severity: .warning))
        }
        var titles: [String: (id: String, path: String)] = [:]
        titles.reserveCapacity(papers.underestimatedCount)
        for paper in papers {  // sorted by id, so the first of a title is stable
            let record = positions[paper.id]
            if paper.abstract.allSatisfy(\.isWhitespace) {
                warn(paper, "empty abstract", at: record.map { _ in (paper.source.bodyLine, 1) })
            }
            if let published = paper.published, paper.day < published {
                warn(paper, "featured day \(paper.day) is before the published date \(published)",
                     at: record?.day)
            }
            if let record, let folderDay = folderDay(of: paper.source.path), folderDay != paper.day {
                warn(paper, "'day' is \(paper.day) but the record is in folder \(folderDay)", at: record.day)
            }
            let key = paper.title.lowercased()  // titles are already whitespace-collapsed
            if let first = titles[key] {
                warn(paper, "same title as '\(first.id)' (\(first.path))", at: record?.title)
            } else {
                titles[key] = (paper.id, paper.source.path)
            }
        }
        return warnings.sorted()
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
