import Mustache

/// One entry of a render's context stack: a value a section pushed, or element `index` of a list
/// a section loops over, read in place.
enum RenderStackEntry {
    case value(RenderValue)
    case element(any RenderList, Int)

    /// The entry itself (`{{.}}`).
    var current: RenderValue {
        switch self {
        case .value(let value): value
        case .element(let list, let index): list.element(index)
        }
    }

    /// `name` in this entry as swift-mustache's `_getImmediateChild` finds it.
    func value(_ name: ContextName) -> RenderValue {
        switch self {
        case .value(let value): RenderStackEntry.child(name, of: value)
        case .element(let list, let index): list.value(name, at: index)
        }
    }

    /// `name` in `value`: a string, number or flag has no children; a value that is not typed is
    /// read through `Any`.
    static func child(_ name: ContextName, of value: RenderValue) -> RenderValue {
        switch value {
        case .object(let object): object.value(name)
        case .none, .string, .int, .bool: .none
        case .list(let list): RenderValue(any: child(named: name.text, of: list.mustacheValue))
        case .other(let other): RenderValue(any: child(named: name.text, of: other))
        }
    }

    /// `name` in `object` exactly as swift-mustache's `_getImmediateChild` finds it.
    static func child(named name: String, of object: Any) -> Any? {
        let object: Any? = if let custom = object as? MustacheCustomRepresentation { custom.representation } else { object }
        guard let object else { return nil }
        if let parent = object as? any MustacheParent { return parent.child(named: name) }
        guard let match = Mirror(reflecting: object).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: match.value)
        guard mirror.displayStyle == .optional else { return match.value }
        return mirror.children.first?.value
    }
}
