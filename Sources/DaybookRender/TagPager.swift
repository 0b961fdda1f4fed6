/// The links between a tag's pages (`TagPaging`), for the template: the head links to the newest
/// numbered page, a numbered page to its newer and older neighbours. In a list read newest first,
/// the newer page is `rel="prev"` and the older `rel="next"`.
public struct TagPager: RenderObject, Sendable, OptionalTemplateNames {
    /// The head has no number or label, the newest page no newer page but the head, page 1 no older.
    public static let optionalNames: Set<String> = ["number", "label", "newerURL", "olderURL"]

    /// The numbered page's number; nil on the head.
    public let number: Int?
    /// "Page 7" on a numbered page.
    public let label: String?
    public let newerURL: String?
    public let olderURL: String?

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .number: RenderValue(number)
        case .label: RenderValue(label)
        case .newerURL: RenderValue(newerURL)
        case .olderURL: RenderValue(olderURL)
        case .isPaged: .bool(newerURL != nil || olderURL != nil)
        default: .none
        }
    }
}
