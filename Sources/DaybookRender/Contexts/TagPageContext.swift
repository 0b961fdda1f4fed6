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

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .tag: .object(tag)
        case .feed: .object(feed)
        case .papers: .list(papers)
        case .pagination: .object(pagination)
        case .pagePosition: .string(pagePosition)
        case .lede: .string(lede)
        default: base.value(name)
        }
    }
}
