import Mustache

/// A template context that answers names with typed values (`RenderValue`), which render plans
/// read without casting. Its `child(named:)`, swift-mustache's lookup for templates rendered
/// without a plan, is `value(_:)` given as `Any`, so the two cannot disagree.
///
/// A plan reads an object as swift-mustache reads a plain one: a section pushes it on the stack,
/// `{{name}}` writes its `renderedText`, or else describes `mustacheValue`. So an object is not a
/// lambda, a template, a sequence, a `MustacheCustomRepresentation` or a null
/// `MustacheCustomRenderable` (`RenderObjectTests` checks Daybook's).
public protocol RenderObject: MustacheParent {
    /// The value of `name`; `none` when this object has none, and the lookup goes on down the
    /// context stack.
    func value(_ name: ContextName) -> RenderValue
    /// `renderText` of a `MustacheCustomRenderable`, which `{{name}}` writes; nil for others.
    var renderedText: String? { get }
    /// What swift-mustache is given for this object.
    var mustacheValue: Any { get }
}

extension RenderObject {
    public func child(named name: String) -> Any? {
        value(ContextName(name)).mustacheValue
    }

    public var renderedText: String? { nil }

    public var mustacheValue: Any { self }
}
