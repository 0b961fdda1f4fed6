/// Merges what a newly imported source knows about a paper into its record, never losing knowledge.
///
/// (The loader's `PaperMerger` decides which file wins at build time; this decides what an import writes.)
///
/// The existing record wins unless the new source knows more: more author names, a higher author count,
/// upvote or star count, a longer abstract, tags and links the record lacks, dates it lacks. The featured
/// day and the id never change.
public enum ImportMerger {
    public static func merged(_ existing: Paper, with incoming: Paper) -> Paper {
        var paper = existing
        if paper.title.isEmpty { paper.title = incoming.title }
        if incoming.authors.count > paper.authors.count { paper.authors = incoming.authors }
        paper.authorCount = larger(paper.authorCount, incoming.authorCount)
        if let count = paper.authorCount, !paper.authors.isEmpty, paper.authors.count >= count { paper.authorCount = nil }
        paper.published = paper.published ?? incoming.published
        paper.upvotes = larger(paper.upvotes, incoming.upvotes)
        for tag in incoming.tags where !paper.tags.contains(tag) { paper.tags.append(tag) }
        if paper.summary?.isEmpty ?? true, let summary = incoming.summary, !summary.isEmpty { paper.summary = summary }
        paper.links.arxiv = paper.links.arxiv ?? incoming.links.arxiv
        paper.links.pdf = paper.links.pdf ?? incoming.links.pdf
        paper.links.code = paper.links.code ?? incoming.links.code
        paper.links.project = paper.links.project ?? incoming.links.project
        paper.links.doi = paper.links.doi ?? incoming.links.doi
        paper.stars = larger(paper.stars, incoming.stars)
        paper.withdrawn = paper.withdrawn ?? incoming.withdrawn
        if incoming.abstract.utf8.count > paper.abstract.utf8.count { paper.abstract = incoming.abstract }
        return paper
    }

    private static func larger(_ a: Int?, _ b: Int?) -> Int? {
        guard let a else { return b }
        guard let b else { return a }
        return max(a, b)
    }
}
