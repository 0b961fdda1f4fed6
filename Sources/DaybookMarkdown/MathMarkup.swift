import DaybookSystem

/// The markup around math: the TeX kept as text (escaped as cmark escapes the text around it:
/// `& < > "`) inside a span that KaTeX's auto-render finds.
enum MathMarkup {
    /// `<span class="math inline">\(tex\)</span>` (display: `math display` and `\[tex\]`), the TeX escaped.
    static func appendMath(_ tex: String, display: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: display ? #"<span class="math display">\["#.utf8 : #"<span class="math inline">\("#.utf8)
        Escaping.appendHTML(tex.utf8, to: &out, apostrophe: .kept)
        out.append(contentsOf: display ? #"\]</span>"#.utf8 : #"\)</span>"#.utf8)
    }
}
