import DaybookContent

/// The theme's interface strings as a template reads them, by dotted key: `{{i18n.nav.archive}}`
/// is the value of `nav.archive`, as a `Phrase`. A value with forms per count reads as its
/// `other` form. `ThemeLoader` checked that every `i18n.` key a template names exists.
///
/// The keys are laid out once as a tree of namespaces (`nav`, then `archive`), each with its
/// phrases made, so a lookup neither joins keys nor fills text.
public struct InterfaceText: RenderObject, Sendable {
    let namespace: Namespace

    /// The strings under `prefix` (`period.week`); all of them when it is empty.
    public init(_ strings: InterfaceStrings, prefix: String = "") {
        namespace = Namespace(strings, prefix: prefix)
    }

    init(_ namespace: Namespace) {
        self.namespace = namespace
    }

    /// The strings under `name` (a namespace of these, by its dotted key below them), if any.
    func namespace(_ name: String) -> InterfaceText? {
        var namespace = self.namespace
        for part in name.split(separator: ".") {
            guard case .namespace(let inner)? = namespace.children[String(part)] else { return nil }
            namespace = inner
        }
        return InterfaceText(namespace)
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch namespace.children[name.text] {
        case .phrase(let phrase)?: .object(phrase)
        case .namespace(let inner)?: .object(InterfaceText(inner))
        case nil: .none
        }
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

    /// The keys right below one dotted key: each a value (its phrase), or else a namespace.
    final class Namespace: Sendable {
        enum Child: Sendable {
            case phrase(Phrase)
            case namespace(Namespace)
        }

        let children: [String: Child]

        init(_ strings: InterfaceStrings, prefix: String) {
            let start = prefix.isEmpty ? "" : prefix + "."
            var names: Set<Substring> = []
            for key in Array(strings.values.keys) + strings.namespaces where key.hasPrefix(start) {
                names.insert(key.dropFirst(start.count).prefix { $0 != "." })
            }
            var children: [String: Child] = [:]
            for name in names where !name.isEmpty {
                let key = start + name
                if strings.values[key] != nil {
                    children[String(name)] = .phrase(Phrase(strings.text(key)))
                } else if strings.namespaces.contains(key) {
                    children[String(name)] = .namespace(Namespace(strings, prefix: key))
                }
            }
            self.children = children
        }
    }
}
