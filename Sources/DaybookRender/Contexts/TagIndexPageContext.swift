/// The tag index: every tag with its paper count.
public struct TagIndexPageContext: PageContext {
    public let base: PageBase
    public let tags: [TagLink]
    /// "12 tags"
    public let tagCountLabel: String
    /// "12 tags, each with its papers and its own feed."
    public let lede: String

    public static let optionalNames: Set<String> = []

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .tags: .list(tags)
        case .tagCount: .int(tags.count)
        case .tagCountLabel: .string(tagCountLabel)
        case .lede: .string(lede)
        default: base.value(name)
        }
    }
}
