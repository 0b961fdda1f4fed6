/// One part of a name as a template writes it (`title` of `page.title`), with its `ContextKey`
/// found once, when the template is compiled.
public struct ContextName: Sendable {
    public let text: String
    /// nil when no Daybook context has a value by this name.
    public let key: ContextKey?

    public init(_ text: String) {
        self.text = text
        self.key = ContextKey.named[text]
    }
}
