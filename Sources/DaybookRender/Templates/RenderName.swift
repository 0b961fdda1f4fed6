/// A name as a template reads it, split once when the template is compiled, with the same
/// reading as swift-mustache's `getChild`: `.` is the current object, a leading `.` looks only at
/// the current object, `name()` alone reads the loop's position (`index()`, `first()`), anything
/// else looks its first part up through the context stack and the rest in what it found.
final class RenderName: Sendable {
    enum Root: Sendable {
        /// `.`
        case current
        /// `index()` and friends: the enclosing loop's position.
        case sequence
        /// `.a.b`: `a` in the current object only.
        case currentOnly([ContextName])
        /// `a.b`: `a` anywhere on the stack, innermost first.
        case stack([ContextName])
    }

    let root: Root
    /// Transforms in the order they apply (innermost first): `empty(weeks)` → `["empty"]`.
    let transforms: [String]

    /// `name` and `transforms` as swift-mustache's parser stores them (outermost transform first).
    init(name: String, transforms: [String]) {
        if name == "." {
            root = .current
        } else if name.isEmpty, !transforms.isEmpty {
            root = .sequence
        } else if name.first == "." {
            root = .currentOnly(name.split(separator: ".").map { ContextName(String($0)) })
        } else {
            root = .stack(name.split(separator: ".").map { ContextName(String($0)) })
        }
        self.transforms = transforms.reversed()
    }
}
