import DaybookContent
import Mustache

/// The theme's interface strings as a template reads them, by dotted key: `{{i18n.nav.archive}}`
/// is the value of `nav.archive`, as a `Phrase`. A value with forms per count reads as its
/// `other` form. `ThemeLoader` checked that every `i18n.` key a template names exists.
public struct InterfaceText: MustacheParent, Sendable {
    let strings: InterfaceStrings
    /// The key this node stands for (`nav`), empty at the top.
    let prefix: String

    public init(_ strings: InterfaceStrings, prefix: String = "") {
        self.strings = strings
        self.prefix = prefix
    }

    public func child(named name: String) -> Any? {
        let key = prefix.isEmpty ? name : prefix + "." + name
        if strings.values[key] != nil { return Phrase(strings.text(key)) }
        if strings.namespaces.contains(key) { return InterfaceText(strings, prefix: key) }
        return nil
    }

    /// The `i18n.` keys a template's source names (`{{i18n.nav.archive}}`, `{{#i18n.x}}`, and
    /// `.before`/`.between`/`.after` of one), without the prefix.
    static func keys(inTemplate source: String) -> [String] {
        TemplateTags.tags(in: source).compactMap { tag in
            let name = tag.drop { "#^/&>$<{ ".contains($0) }.prefix { $0 != " " }
            guard name.hasPrefix("i18n.") else { return nil }
            var key = String(name.dropFirst("i18n.".count))
            for part in [".before", ".between", ".after"] where key.hasSuffix(part) {
                key = String(key.dropLast(part.count))
            }
            return key
        }
    }
}
