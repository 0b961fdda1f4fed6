import DaybookSystem
import Mustache

/// HTML escaping for `{{name}}` tags: the same five characters as swift-mustache's own HTML
/// content type (`& < > " '`), escaped on UTF-8 bytes instead of through a per-Character
/// dictionary, which profiling showed to be a fifth of all page rendering time.
///
/// swift-mustache selects a content type per template with a `{{% CONTENT_TYPE: name }}` pragma;
/// `ThemeLoader` puts that pragma in front of every template it loads (on the template's first
/// line, so line numbers in errors stay true), and templates that set their own still win.
package struct FastHTMLContentType: MustacheContentType {
    static let name = "DAYBOOK_HTML"
    /// The pragma to put in front of a template's source.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    /// Registers the content type with swift-mustache once per process.
    static let registered: Void = MustacheContentTypes.register(FastHTMLContentType(), named: name)

    package func escapeText(_ text: String) -> String {
        Escaping.html(text)
    }
}
