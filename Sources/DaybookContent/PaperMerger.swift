/// Merges versions of the same paper (same id) from several files into one record.
///
/// A `.md` record is authoritative for every field it sets; imported data (Hugging Face JSON) only
/// fills what it lacks. Between imported versions the larger upvotes and stars, the longer author
/// list and the earliest featured day win; other fields come from the first version that has them.
public enum PaperMerger {
    /// Combines two imported versions of one paper; `first` wins ties and keeps its source.
    public static func combineImported(_ first: Paper, _ second: Paper) -> Paper {
        var out = first
        if second.authors.count > first.authors.count { out.authors = second.authors }
        out.authorCount = larger(first.authorCount, second.authorCount)
        out.day = min(first.day, second.day)
        out.published = first.published ?? second.published
        out.upvotes = larger(first.upvotes, second.upvotes)
        if first.tags.isEmpty { out.tags = second.tags }
        out.summary = first.summary ?? second.summary
        out.links = overlay(first.links, on: second.links)
        out.stars = larger(first.stars, second.stars)
        out.withdrawn = first.withdrawn ?? second.withdrawn
        if first.abstract.isEmpty { out.abstract = second.abstract }
        if first.title.isEmpty { out.title = second.title }
        return out
    }

    /// A record's fields over imported data: what the record sets wins, the rest comes from `imported`.
    public static func overlay(record: Paper, on imported: Paper) -> Paper {
        var out = record
        if record.authors.isEmpty {
            out.authors = imported.authors
            out.authorCount = record.authorCount ?? imported.authorCount
        }
        out.published = record.published ?? imported.published
        out.upvotes = record.upvotes ?? imported.upvotes
        if record.tags.isEmpty { out.tags = imported.tags }
        out.summary = record.summary ?? imported.summary
        out.links = overlay(record.links, on: imported.links)
        out.stars = record.stars ?? imported.stars
        out.withdrawn = record.withdrawn ?? imported.withdrawn
        if record.abstract.isEmpty { out.abstract = imported.abstract }
        return out
    }

    /// One paper per id, sorted by id. `records` must have unique ids (the loader reports repeats);
    /// `imported` is combined in the order given (file order, then item order).
    public static func merge(records: [Paper], imported: [Paper]) -> [Paper] {
        var merged = records
        if !imported.isEmpty {
            var byID: [String: Paper] = [:]
            for paper in imported {
                if let existing = byID[paper.id] {
                    byID[paper.id] = combineImported(existing, paper)
                } else {
                    byID[paper.id] = paper
                }
            }
            for index in merged.indices {
                if let paper = byID.removeValue(forKey: merged[index].id) { merged[index] = overlay(record: merged[index], on: paper) }
            }
            merged += byID.values
        }
        // Sorted by index, so that each paper moves once.
        let ids = merged.map(\.id)
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        return order.map { merged[$0] }
    }

    private static func overlay(_ top: PaperLinks, on bottom: PaperLinks) -> PaperLinks {
        PaperLinks(arxiv: top.arxiv ?? bottom.arxiv, pdf: top.pdf ?? bottom.pdf,
                   code: top.code ?? bottom.code, project: top.project ?? bottom.project, doi: top.doi ?? bottom.doi)
    }

    private static func larger(_ a: Int?, _ b: Int?) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }
}
