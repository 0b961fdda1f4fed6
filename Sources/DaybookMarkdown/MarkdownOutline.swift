/// What lists and page heads need of an abstract, from one parse and without rendering it: its
/// excerpt, whether it renders to anything, and whether it holds math (then its page needs KaTeX).
/// `MarkdownRenderer.render` makes the HTML when a page shows it.
public struct MarkdownOutline: Sendable, Hashable {
    /// As `MarkdownRenderer.excerpt` gives it.
    public var excerpt: String
    /// Whether the HTML is not empty (the document has a block: a source of only link reference
    /// definitions or whitespace has none).
    public var hasContent: Bool
    /// As `RenderedMarkdown.hasMath` of the HTML.
    public var hasMath: Bool

    public init(excerpt: String, hasContent: Bool, hasMath: Bool) {
        self.excerpt = excerpt
        self.hasContent = hasContent
        self.hasMath = hasMath
    }
}
