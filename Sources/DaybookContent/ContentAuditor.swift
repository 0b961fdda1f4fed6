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
        var titles: [String: Paper] = [:]
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
                warn(paper, "same title as '\(first.id)' (\(first.source.path))", at: record?.title)
            } else {
                titles[key] = paper
            }
        }
        return warnings.sorted()
    }

    /// The date named by the record's nearest folder, when that folder's name is a date.
    private static func folderDay(of path: String) -> Day? {
        let parts = path.split(separator: "/")
        guard parts.count >= 2 else { return nil }
        return Day(iso: parts[parts.count - 2])
    }
}
