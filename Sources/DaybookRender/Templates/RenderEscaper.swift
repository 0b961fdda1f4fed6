import DaybookSystem
import Mustache

/// How a plan escapes `{{name}}`: Daybook's byte-level HTML escaping (`FastHTMLContentType`, the
/// pragma `ThemeLoader` puts in front of every template), or any other swift-mustache content type
/// through its own `escapeText`, so output matches swift-mustache's whatever a template selects.
enum RenderEscaper: Sendable {
    case fastHTML
    case other(any MustacheContentType)

    init(_ contentType: any MustacheContentType) {
        self = contentType is FastHTMLContentType ? .fastHTML : .other(contentType)
    }

    func append(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .fastHTML: Escaping.appendHTML(text, to: &out)
        case .other(let contentType): out.append(contentsOf: contentType.escapeText(text).utf8)
        }
    }
}
