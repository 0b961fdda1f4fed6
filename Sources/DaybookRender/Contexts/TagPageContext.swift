/// One page of a tag's papers, newest first.
public struct TagPageContext: PageContext {
    public let base: PageBase
    public let tag: TagLink
    /// The tag's RSS feed.
    public let feed: FeedLink
    public let papers: [PaperCard]
    public let pagination: Pagination
    /// "Page 2 of 3"
    public let pagePosition: String
    /// "3 papers, newest first." (with the page when paged)
    public let lede: String

    public static let optionalNames: Set<String> = []

    public func child(named name: String) -> Any? {
        switch name {
        case "tag": return tag
        case "feed": return feed
        case "papers": return papers
        case "pagination": return pagination
        case "pagePosition": return pagePosition
        case "lede": return lede
        default: return base.child(named: name)
        }
    }
}
