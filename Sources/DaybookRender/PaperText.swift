/// What Markdown made of a paper's title and abstract for lists and page heads (see `PaperView`
/// for each part); the abstract's HTML is made when a page or feed shows it.
public struct PaperText: Sendable, Equatable {
    public var title: String
    public var titleHTML: String
    public var excerpt: String
    /// Whether the abstract renders to any HTML.
    public var hasAbstract: Bool
    /// Whether the title or the abstract holds math.
    public var hasMath: Bool

    public init(title: String, titleHTML: String, excerpt: String, hasAbstract: Bool, hasMath: Bool) {
        self.title = title
        self.titleHTML = titleHTML
        self.excerpt = excerpt
        self.hasAbstract = hasAbstract
        self.hasMath = hasMath
    }
}
