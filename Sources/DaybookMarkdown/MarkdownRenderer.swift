import CCmarkGFM
import DaybookSystem

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns paper abstracts (GFM Markdown with TeX math) and titles into safe HTML.
///
/// ```swift
/// let renderer = MarkdownRenderer()
/// let abstract = renderer.render("We bound $O(n^2)$ ~~time~~.", baseURL: "https://example.org/papers/x/")
/// // abstract.html == "<p>We bound <span class=\"math inline\">\\(O(n^2)\\)</span> <del>time</del>.</p>\n"
/// ```
///
/// Safe by construction: raw HTML in the source shows as escaped text, links with schemes other than
/// http(s), mailto and ftp lose their link (the text stays), math keeps its TeX exactly for KaTeX.
/// Only the step of cmark's parse that edits the C library's global state is serialized (see
/// `CmarkEngine`); the rest runs concurrently. One renderer may be shared by any number of tasks.
public final class MarkdownRenderer: Sendable {
    public init() {}

    /// Block Markdown (an abstract) to HTML. Relative links/images are made absolute against `baseURL` when given.
    ///
    /// Tables, `~~strikethrough~~` and autolinks are GFM's; a single `~` stays a tilde (`~30%`).
    /// Soft line breaks stay line breaks in the source, never `<br>`.
    public func render(_ markdown: String, baseURL: String? = nil) -> RenderedMarkdown {
        let protected = MathProtector.protect(markdown, mode: .markdown).convertingTeXTextMode(.markdown)
        let rewriter = DocumentRewriter(spans: protected.spans, resolver: baseURL.flatMap(URLResolver.init(base:)))
        var (html, hasMath) = CmarkEngine.withDocument(protected.bytes) { document, extensions in
            let hasMath = rewriter.rewrite(document)
            guard let rendered = cmark_render_html(document, CmarkEngine.options, extensions) else {
                fatalError("cmark_render_html failed: out of memory")
            }
            defer { free(rendered) }
            return (String(cString: rendered), hasMath)
        }
        // Tokens left in the HTML become math markup or their source.
        if !protected.spans.isEmpty, let expanded = html.withUTF8({ bytes in
            Token.mayContain(bytes) ? TokenText.expandingTokens(bytes, spans: protected.spans) : nil
        }) {
            html = String(decoding: expanded, as: UTF8.self)
        }
        return RenderedMarkdown(html: html, hasMath: hasMath)
    }

    /// One line of inline text (a title): HTML-escaped, inline math protected/wrapped, NO <p> wrapper,
    /// no other markup interpreted except math. Runs of whitespace outside math become one space.
    public func renderInline(_ text: String) -> RenderedMarkdown {
        let protected = MathProtector.protect(text, mode: .plainText).convertingTeXTextMode(.plain)
        var out: [UInt8] = []
        out.reserveCapacity(protected.bytes.count + 16)
        var hasMath = false
        var pendingSpace = false
        protected.bytes.withUnsafeBufferPointer { bytes in
            TokenText.forEachSegment(bytes, spanCount: protected.spans.count) { segment in
                switch segment {
                case .text(let run):
                    for c in run {
                        if MathProtector.isSpace(c) {
                            pendingSpace = !out.isEmpty
                            continue
                        }
                        if pendingSpace { out.append(0x20) }
                        pendingSpace = false
                        Escaping.appendHTML(CollectionOfOne(c), to: &out, apostrophe: .kept)
                    }
                case .span(let index):
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    switch protected.spans[index] {
                    case .literal(let source):
                        out.append(contentsOf: source.utf8)
                    case .math(let tex, let display, _):
                        MathMarkup.appendMath(tex, display: display, to: &out)
                        hasMath = true
                    }
                }
            }
        }
        return RenderedMarkdown(html: String(decoding: out, as: UTF8.self), hasMath: hasMath)
    }

    /// One line of plain text with TeX text mode outside math turned into what it means
    /// (`R\'{e}nyi` → `Rényi`, `57\%` → `57%`, ``` ``a'' ``` → “a”), math kept as written: for
    /// titles in feeds, metadata and search. Not HTML-escaped.
    public func plainText(_ text: String) -> String {
        let protected = MathProtector.protect(text, mode: .plainText).convertingTeXTextMode(.plain)
        guard !protected.spans.isEmpty else { return String(decoding: protected.bytes, as: UTF8.self) }
        return protected.bytes.withUnsafeBufferPointer { bytes in
            String(decoding: TokenText.restoringSource(bytes, spans: protected.spans), as: UTF8.self)
        }
    }

    /// Plain-text excerpt of the Markdown (markup removed, math kept as its TeX source `$…$`, whitespace collapsed),
    /// cut at a word boundary to at most `maxLength` characters with "…" appended when cut.
    ///
    /// `maxLength` counts the "…" too. The text is not HTML-escaped: escape it where it is placed.
    /// Math is never cut in the middle.
    public func excerpt(_ markdown: String, maxLength: Int) -> String {
        outline(markdown, maxLength: maxLength).excerpt
    }

    /// The excerpt (as `excerpt(_:maxLength:)`), and whether `render` would give any HTML and any
    /// math, from one parse and without rendering.
    public func outline(_ markdown: String, maxLength: Int) -> MarkdownOutline {
        let protected = MathProtector.protect(markdown, mode: .markdown).convertingTeXTextMode(.markdown)
        let builder = ExcerptBuilder(spans: protected.spans)
        // Math is found as `render` finds it: by the rewrite, after the excerpt is read.
        let rewriter = DocumentRewriter(spans: protected.spans, resolver: nil)
        let (text, hasContent, hasMath) = CmarkEngine.withDocument(protected.bytes) { document, _ in
            (builder.text(of: document), cmark_node_first_child(document) != nil, rewriter.rewrite(document))
        }
        return MarkdownOutline(excerpt: ExcerptBuilder.cut(text, maxLength: maxLength), hasContent: hasContent, hasMath: hasMath)
    }
}
