import DaybookSystem

extension Paper {
    /// Every stored field of the paper, for its part in page keys. A field added to `Paper` (or
    /// `PaperLinks`, `SourceLocation`) must be added here: `PageKeysTests` fails until it is.
    package func combine(into hasher: inout StableHasher) {
        hasher.combine(id)
        hasher.combine(title)
        hasher.combine(authors.count)
        for author in authors { hasher.combine(author) }
        hasher.combine(authorCount)
        hasher.combine(day)
        hasher.combine(published)
        hasher.combine(upvotes)
        hasher.combine(tags.count)
        for tag in tags { hasher.combine(tag) }
        hasher.combine(summary)
        hasher.combine(links.arxiv)
        hasher.combine(links.pdf)
        hasher.combine(links.code)
        hasher.combine(links.project)
        hasher.combine(links.doi)
        hasher.combine(stars)
        hasher.combine(withdrawn)
        hasher.combine(abstract)
        hasher.combine(source.path)
        hasher.combine(source.bodyLine)
    }

    /// The names `combine(into:)` covers, by type, as `Mirror` lists them.
    package static let hashedFields = [
        "Paper": ["id", "title", "authors", "authorCount", "day", "published", "upvotes", "tags", "summary", "links",
                  "stars", "withdrawn", "abstract", "source"],
        "PaperLinks": ["arxiv", "pdf", "code", "project", "doi"],
        "SourceLocation": ["path", "bodyLine"],
    ]
}

extension StableHasher {
    package mutating func combine(_ value: Day) {
        combine(value.year)
        combine(value.month)
        combine(value.day)
    }

    package mutating func combine(_ value: Day?) {
        combine(value != nil)
        if let value { combine(value) }
    }
}
