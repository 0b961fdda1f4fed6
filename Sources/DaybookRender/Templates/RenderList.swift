/// A list a template loops over whose elements a render plan reads in place: an element's names
/// are looked up without taking it out of the list as an `Any`.
public protocol RenderList {
    var count: Int { get }
    /// Element `index` itself (`{{.}}`).
    func element(_ index: Int) -> RenderValue
    /// `name` in element `index`.
    func value(_ name: ContextName, at index: Int) -> RenderValue
    /// What swift-mustache is given for this list.
    var mustacheValue: Any { get }
}

extension Array: RenderList where Element: RenderObject {
    public func element(_ index: Int) -> RenderValue {
        .object(self[index])
    }

    public func value(_ name: ContextName, at index: Int) -> RenderValue {
        self[index].value(name)
    }

    public var mustacheValue: Any { self }
}
