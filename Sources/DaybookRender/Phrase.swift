import DaybookContent
import Mustache

/// One piece of interface text as templates see it: `{{phrase}}` is the whole text; where the
/// text keeps a placeholder for markup the template places (`"Papers of {date}"`), `before`,
/// `between` (first and second placeholder) and `after` are the text around it:
/// `{{i18n.day.heading.before}}<time>…</time>{{i18n.day.heading.after}}`.
public struct Phrase: RenderObject, MustacheCustomRenderable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var renderText: String { text }
    public var renderedText: String? { text }
    public var description: String { text }
    public var isNull: Bool { false }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .before: .string(PlaceholderText.parts(text).before)
        case .between: .string(PlaceholderText.parts(text).between)
        case .after: .string(PlaceholderText.parts(text).after)
        default: .none
        }
    }
}
