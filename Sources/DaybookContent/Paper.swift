import DaybookSystem
import Synchronization

/// One paper record: what a `content/papers/<day>/<id>.md` file or a Hugging Face JSON item holds.
///
/// A value type whose fields live in one shared, copy-on-write box: a build passes each of 100,000
/// papers through several arrays (the loader's, the library's, the audit's), and a copy costs one
/// reference count instead of one per string and array field.
public struct Paper: Sendable, Hashable {
    /// The stored fields.
    struct Fields: Sendable, Hashable {
        var id: String
        var title: String
        var authors: [String]
        var authorCount: Int?
        var day: Day
        var published: Day?
        var upvotes: Int?
        var tags: [String]
        var summary: String?
        var links: PaperLinks
        var stars: Int?
        var withdrawn: Day?
        var abstract: String
        var source: SourceLocation
    }

    /// The box. Mutated only when this value holds the sole reference (`fields`' `_modify`).
    private final class Storage: @unchecked Sendable {
        // Reads are never concurrent with the one write a unique owner makes, so Swift's run-time
        // exclusivity check (a cost on every read of a class's property) is left out.
        @exclusivity(unchecked) var fields: Fields
        /// `stableHash` and `textHash` once made (0: not yet), by whichever thread asked first.
        let stableHash = Atomic<UInt64>(0)
        let textHash = Atomic<UInt64>(0)

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    private var storage: Storage

    /// The fields, copied out of a shared box before a change.
    private var fields: Fields {
        get { storage.fields }
        _modify {
            if isKnownUniquelyReferenced(&storage) {
                storage.stableHash.store(0, ordering: .relaxed)
                storage.textHash.store(0, ordering: .relaxed)
            } else {
                storage = Storage(storage.fields)
            }
            yield &storage.fields
        }
    }

    /// A stable hash of every stored field (`combine(into:)`), made once per stored value: the
    /// paper's part of the key of every page that shows it.
    package var stableHash: UInt64 {
        Paper.memo(storage.stableHash) {
            var hasher = StableHasher()
            combine(into: &hasher)
            return hasher.value
        }
    }

    /// A stable hash of the title and abstract, what Markdown makes the paper's text from, made
    /// once per stored value.
    package var textHash: UInt64 {
        Paper.memo(storage.textHash) {
            var hasher = StableHasher()
            hasher.combine(title)
            hasher.combine(abstract)
            return hasher.value
        }
    }

    /// Takes hashes made before (the content cache keeps them with the paper: they depend on
    /// nothing but its fields and the code, which the cache's header pins).
    package func remember(stableHash: UInt64, textHash: UInt64) {
        storage.stableHash.store(stableHash, ordering: .relaxed)
        storage.textHash.store(textHash, ordering: .relaxed)
    }

    /// The value in `slot`, else `make()`'s, kept there (a hash of 0 is made again each time).
    private static func memo(_ slot: borrowing Atomic<UInt64>, _ make: () -> UInt64) -> UInt64 {
        let known = slot.load(ordering: .relaxed)
        if known != 0 { return known }
        let value = make()
        slot.store(value, ordering: .relaxed)
        return value
    }

    /// arXiv id without version (`2405.01234`, `hep-ex/0307015`) or a slug of `[a-z0-9._-]`.
    public var id: String {
        get { storage.fields.id }
        _modify { yield &fields.id }
        set { fields.id = newValue }
    }
    public var title: String {
        get { storage.fields.title }
        _modify { yield &fields.title }
        set { fields.title = newValue }
    }
    public var authors: [String] {
        get { storage.fields.authors }
        _modify { yield &fields.authors }
        set { fields.authors = newValue }
    }
    /// Known author count when the names are not (listing text says "6 authors").
    public var authorCount: Int? {
        get { storage.fields.authorCount }
        _modify { yield &fields.authorCount }
        set { fields.authorCount = newValue }
    }
    /// The daily list the paper is featured on.
    public var day: Day {
        get { storage.fields.day }
        _modify { yield &fields.day }
        set { fields.day = newValue }
    }
    /// arXiv publication date.
    public var published: Day? {
        get { storage.fields.published }
        _modify { yield &fields.published }
        set { fields.published = newValue }
    }
    public var upvotes: Int? {
        get { storage.fields.upvotes }
        _modify { yield &fields.upvotes }
        set { fields.upvotes = newValue }
    }
    public var tags: [String] {
        get { storage.fields.tags }
        _modify { yield &fields.tags }
        set { fields.tags = newValue }
    }
    /// One-sentence summary.
    public var summary: String? {
        get { storage.fields.summary }
        _modify { yield &fields.summary }
        set { fields.summary = newValue }
    }
    public var links: PaperLinks {
        get { storage.fields.links }
        _modify { yield &fields.links }
        set { fields.links = newValue }
    }
    /// Stars of the code repository.
    public var stars: Int? {
        get { storage.fields.stars }
        _modify { yield &fields.stars }
        set { fields.stars = newValue }
    }
    /// When the paper was withdrawn, if it was.
    public var withdrawn: Day? {
        get { storage.fields.withdrawn }
        _modify { yield &fields.withdrawn }
        set { fields.withdrawn = newValue }
    }
    /// The abstract, in Markdown (GFM), math in `$…$` / `$$…$$`.
    public var abstract: String {
        get { storage.fields.abstract }
        _modify { yield &fields.abstract }
        set { fields.abstract = newValue }
    }
    /// Where the record came from, for error messages.
    public var source: SourceLocation {
        get { storage.fields.source }
        _modify { yield &fields.source }
        set { fields.source = newValue }
    }

    public init(id: String, title: String, authors: [String] = [], authorCount: Int? = nil, day: Day,
                published: Day? = nil, upvotes: Int? = nil, tags: [String] = [], summary: String? = nil,
                links: PaperLinks = PaperLinks(), stars: Int? = nil, withdrawn: Day? = nil,
                abstract: String = "", source: SourceLocation = SourceLocation(path: "")) {
        storage = Storage(Fields(id: id, title: title, authors: authors, authorCount: authorCount, day: day,
                                 published: published, upvotes: upvotes, tags: tags, summary: summary, links: links,
                                 stars: stars, withdrawn: withdrawn, abstract: abstract, source: source))
    }

    /// The stored fields as one value, for checks by reflection that code covers every field.
    package var storedFields: Any { storage.fields }

    public static func == (lhs: Paper, rhs: Paper) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
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
