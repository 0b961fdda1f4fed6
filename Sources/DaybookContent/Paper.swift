/// One paper record: what a `content/papers/<day>/<id>.md` file or a Hugging Face JSON item holds.
public struct Paper: Sendable, Hashable {
    /// arXiv id without version (`2405.01234`, `hep-ex/0307015`) or a slug of `[a-z0-9._-]`.
    public var id: String
    public var title: String
    public var authors: [String]
    /// Known author count when the names are not (listing text says "6 authors").
    public var authorCount: Int?
    /// The daily list the paper is featured on.
    public var day: Day
    /// arXiv publication date.
    public var published: Day?
    public var upvotes: Int?
    public var tags: [String]
    /// One-sentence summary.
    public var summary: String?
    public var links: PaperLinks
    /// Stars of the code repository.
    public var stars: Int?
    /// When the paper was withdrawn, if it was.
    public var withdrawn: Day?
    /// The abstract, in Markdown (GFM), math in `$…$` / `$$…$$`.
    public var abstract: String
    /// Where the record came from, for error messages.
    public var source: SourceLocation

    public init(id: String, title: String, authors: [String] = [], authorCount: Int? = nil, day: Day,
                published: Day? = nil, upvotes: Int? = nil, tags: [String] = [], summary: String? = nil,
                links: PaperLinks = PaperLinks(), stars: Int? = nil, withdrawn: Day? = nil,
                abstract: String = "", source: SourceLocation = SourceLocation(path: "")) {
        self.id = id
        self.title = title
        self.authors = authors
        self.authorCount = authorCount
        self.day = day
        self.published = published
        self.upvotes = upvotes
        self.tags = tags
        self.summary = summary
        self.links = links
        self.stars = stars
        self.withdrawn = withdrawn
        self.abstract = abstract
        self.source = source
    }

    /// Whether `id` is an arXiv identifier (new style `2405.01234` or old style `hep-ex/0307015`).
    public var isArxivID: Bool { PaperID.isArxiv(id) }

    /// The number of authors to show: the names' count, or the known count.
    public var displayedAuthorCount: Int { authors.isEmpty ? (authorCount ?? 0) : authors.count }

    /// The arXiv abstract page: the record's own link, else derived from an arXiv id.
    public var arxivURL: String? {
        links.arxiv ?? (isArxivID ? "https://arxiv.org/abs/\(id)" : nil)
    }

    /// The PDF: the record's own link, else derived from an arXiv id.
    public var pdfURL: String? {
        links.pdf ?? (isArxivID ? "https://arxiv.org/pdf/\(id)" : nil)
    }
}

/// External links of a paper.
public struct PaperLinks: Sendable, Hashable {
    public var arxiv: String?
    public var pdf: String?
    public var code: String?
    public var project: String?
    /// The DOI as a URL (`https://doi.org/10.48550/arXiv.2408.11029`).
    public var doi: String?

    public init(arxiv: String? = nil, pdf: String? = nil, code: String? = nil, project: String? = nil,
                doi: String? = nil) {
        self.arxiv = arxiv
        self.pdf = pdf
        self.code = code
        self.project = project
        self.doi = doi
    }

    public var isEmpty: Bool { arxiv == nil && pdf == nil && code == nil && project == nil && doi == nil }
}

/// A file and the line where a record's body (the abstract) starts in it.
public struct SourceLocation: Sendable, Hashable {
    /// Path as shown to the user, relative to the site root when possible.
    public var path: String
    /// 1-based line where the Markdown body starts; 0 when not applicable.
    public var bodyLine: Int

    public init(path: String, bodyLine: Int = 0) {
        self.path = path
        self.bodyLine = bodyLine
    }
}
