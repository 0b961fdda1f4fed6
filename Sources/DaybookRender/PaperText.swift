/// What Markdown made of a paper's title and abstract (see `PaperView` for each part).
public struct PaperText: Sendable, Equatable {
    public var title: String
    public var titleHTML: String
    public var abstractHTML: String
    public var excerpt: String
    public var hasMath: Bool

    public init(title: String, titleHTML: String, abstractHTML: String, excerpt: String, hasMath: Bool) {
        self.title = title
        self.titleHTML = titleHTML
        self.abstractHTML = abstractHTML
        self.excerpt = excerpt
        self.hasMath = hasMath
    }
}
