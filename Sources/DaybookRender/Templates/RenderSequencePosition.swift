import Mustache

/// Where a section over a list is: what `{{index()}}`, `{{first()}}`, `{{last()}}`, `{{even()}}`
/// and `{{odd()}}` read, as swift-mustache's own (internal) sequence context gives them.
struct RenderSequencePosition: MustacheTransformable {
    var first: Bool
    var last: Bool
    var index: Int

    func transform(_ name: String) -> Any? {
        switch name {
        case "first": return first
        case "last": return last
        case "index": return index
        case "even": return (index & 1) == 0
        case "odd": return (index & 1) == 1
        default: return nil
        }
    }
}
