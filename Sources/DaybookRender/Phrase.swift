import DaybookContent
import Mustache

/// One piece of interface text as templates see it: `{{phrase}}` is the whole text; where the
/// text keeps a placeholder for markup the template places (`"Papers of {date}"`), `before`,
/// `between` (first and second placeholder) and `after` are the text around it:
/// `{{i18n.day.heading.before}}<time>…</time>{{i18n.day.heading.after}}`.
public struct Phrase: MustacheParent, MustacheCustomRenderable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var renderText: String { text }
    public var description: String { text }
    public var isNull: Bool { false }

    public func child(named name: String) -> Any? {
        switch name {
        case "before": return PlaceholderText.parts(text).before
        case "between": return PlaceholderText.parts(text).between
        case "after": return PlaceholderText.parts(text).after
        default: return nil
        }
    }
}
