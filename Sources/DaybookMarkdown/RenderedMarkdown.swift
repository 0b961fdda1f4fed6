/// The HTML of rendered Markdown, and whether it holds math for KaTeX.
public struct RenderedMarkdown: Sendable, Hashable {
    /// Safe HTML: raw HTML from the source is shown as escaped text, dangerous links are unwrapped.
    public var html: String
    /// Whether any math span was found; a page showing this HTML then needs KaTeX.
    public var hasMath: Bool

    public init(html: String, hasMath: Bool) {
        self.html = html
        self.hasMath = hasMath
    }
}
