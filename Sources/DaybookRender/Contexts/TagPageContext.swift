/// One page of a tag's papers, newest first: the head (the tag's URL, its newest papers, totals
/// and every numbered page) or a numbered page (`TagPaging`), which takes nothing from the library
/// that changes when newer papers arrive: on it `tag` has no count.
public struct TagPageContext: PageContext {
    public let base: PageBase
    public let tag: TagLink
    /// The tag's RSS feed.
    public let feed: FeedLink
    public let papers: [PaperCard]
    /// Newer and older pages.
    public let pager: TagPager
    /// On the head, every numbered page, newest first; empty on a numbered page.
    public let tagPages: [TagPageLink]
    /// "3 papers, newest first." on the head, "Papers featured Mar 3 – Mar 9, 2025, newest
    /// first." on a numbered page.
    public let lede: String

    public static let optionalNames: Set<String> = []

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .tag: .object(tag)
        case .feed: .object(feed)
        case .papers: .list(papers)
        case .pager: .object(pager)
        case .tagPages: .list(tagPages)
        case .lede: .string(lede)
        default: base.value(name)
        }
    }
}
