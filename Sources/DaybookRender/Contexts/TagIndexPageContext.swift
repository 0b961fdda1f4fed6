/// The tag index: every tag with its paper count.
public struct TagIndexPageContext: PageContext {
    public let base: PageBase
    public let tags: [TagLink]
    /// "12 tags"
    public let tagCountLabel: String
    /// "12 tags, each with its papers and its own feed."
    public let lede: String

    public static let optionalNames: Set<String> = []

    public func child(named name: String) -> Any? {
        switch name {
        case "tags": return tags
        case "tagCount": return tags.count
        case "tagCountLabel": return tagCountLabel
        case "lede": return lede
        default: return base.child(named: name)
        }
    }
}
