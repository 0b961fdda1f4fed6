import Mustache

/// One object on a render's context stack, classified once when it is pushed so a name lookup
/// does not cast it again: a `MustacheParent` answers `child(named:)`; a string, number or bool
/// has no children; anything else is looked up as swift-mustache does (its custom
/// representation, else `Mirror`).
struct RenderStackEntry {
    enum Kind {
        case parent(any MustacheParent)
        case leaf
        case other
    }

    let value: Any
    let kind: Kind

    init(_ value: Any) {
        self.value = value
        let type = Swift.type(of: value)
        if type == String.self || type == Int.self || type == Bool.self || type == Double.self {
            kind = .leaf
        } else if value is MustacheCustomRepresentation {
            kind = .other
        } else if let parent = value as? any MustacheParent {
            kind = .parent(parent)
        } else {
            kind = .other
        }
    }

    func child(named name: String) -> Any? {
        switch kind {
        case .parent(let parent): return parent.child(named: name)
        case .leaf: return nil
        case .other: return RenderStackEntry.child(named: name, of: value)
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
