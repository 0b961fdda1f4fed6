import CCmarkGFM

/// Makes a parsed document safe before it is rendered to HTML, and prepares the tokens.
///
/// - Raw HTML (inline or block) becomes text, so it shows escaped instead of vanishing.
/// - Links and images: relative URLs are made absolute; disallowed schemes (`LinkPolicy`) are
///   unwrapped, keeping their text.
/// - Math tokens stay only in text nodes (they become math markup after rendering); in code, raw
///   HTML, image alt text, link titles and the text of links whose URL holds them they go back to
///   the source as written. Literal tokens
///   stay everywhere and are put back after rendering too; URLs get their exact source back.
///
/// cmark's own safe mode stays on underneath as a second line of defence.
struct DocumentRewriter {
    let spans: [ProtectedSpan]
    let resolver: URLResolver?

    /// Rewrites `document` in place; returns whether math tokens remain to be expanded.
    func rewrite(_ document: OpaquePointer) -> Bool {
        var hasMath = false
        var sourceOnly: [OpaquePointer] = []
        var rawHTML: [(node: OpaquePointer, isBlock: Bool)] = []
        var links: [(node: OpaquePointer, isImage: Bool)] = []
        /// Inside an image (alt text) or a link whose URL holds math tokens (an autolinked URL with
        /// dollars), math stays as written.
        var sourceDepth = 0

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT where !spans.isEmpty:
                let literal = CmarkNode.bytes(cmark_node_get_literal(node))
                guard Token.mayContain(literal) else { break }
                if sourceDepth > 0 {
                    sourceOnly.append(node)
                } else if !hasMath {
                    hasMath = TokenText.hasMath(literal, spans: spans)
                }
            case CMARK_NODE_CODE where !spans.isEmpty, CMARK_NODE_CODE_BLOCK where !spans.isEmpty:
                if Token.mayContain(CmarkNode.bytes(cmark_node_get_literal(node))) { sourceOnly.append(node) }
            case CMARK_NODE_HTML_INLINE:
                rawHTML.append((node, false))
            case CMARK_NODE_HTML_BLOCK:
                rawHTML.append((node, true))
            case CMARK_NODE_LINK:
                if entering { links.append((node, false)) }
                if !spans.isEmpty, TokenText.hasMath(CmarkNode.bytes(cmark_node_get_url(node)), spans: spans) {
                    sourceDepth += entering ? 1 : -1
                }
            case CMARK_NODE_IMAGE:
                if entering { links.append((node, true)) }
                sourceDepth += entering ? 1 : -1
            default:
                break
            }
        }

        for node in sourceOnly {
            CmarkNode.setLiteral(node, withMathSource(cmark_node_get_literal(node)))
        }
        for (node, isBlock) in rawHTML {
            var literal = withMathSource(cmark_node_get_literal(node))
            guard isBlock else {
                CmarkNode.replace(node, with: CmarkNode.text(literal))
                continue
            }
            while let last = literal.last, last == 0x0A || last == 0x0D { literal.removeLast() }
            let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            cmark_node_append_child(paragraph, CmarkNode.text(literal))
            CmarkNode.replace(node, with: paragraph)
        }
        for (node, isImage) in links {
            rewriteLink(node, isImage: isImage)
        }
        return hasMath
    }

    /// The C string's bytes with math tokens back to their source, literal tokens kept.
    private func withMathSource(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
        TokenText.restoringSource(CmarkNode.bytes(pointer), spans: spans, keepingLiterals: true)
    }

    private func rewriteLink(_ node: OpaquePointer, isImage: Bool) {
        let source = TokenText.restoringSource(CmarkNode.bytes(cmark_node_get_url(node)), spans: spans)
        var url = String(decoding: source, as: UTF8.self)
        // Checked before resolving too: `java\tscript:` has no valid scheme, so it would resolve as a path.
        var allowed = LinkPolicy.allows(url, image: isImage)
        if allowed, let resolver {
            url = resolver.resolve(url)
            allowed = LinkPolicy.allows(url, image: isImage)
        }
        guard allowed else {
            CmarkNode.unwrap(node)
            return
        }
        CmarkNode.withCString(Array(url.utf8)) { _ = cmark_node_set_url(node, $0) }
        if Token.mayContain(CmarkNode.bytes(cmark_node_get_title(node))) {
            CmarkNode.withCString(withMathSource(cmark_node_get_title(node))) { _ = cmark_node_set_title(node, $0) }
        }
    }
}
