import CCmarkGFM

/// Makes a parsed document safe and puts the protected spans back, before it is rendered to HTML.
///
/// - Text: tokens become math markup (or, inside image alt text, the source as written).
/// - Code, code blocks, link URLs and titles: tokens become the source as written.
/// - Raw HTML (inline or block) becomes text, so it shows escaped instead of vanishing.
/// - Links and images: relative URLs are made absolute; disallowed schemes (`LinkPolicy`) are
///   unwrapped, keeping their text.
struct DocumentRewriter {
    let spans: [ProtectedSpan]
    let resolver: URLResolver?

    /// Rewrites `document` in place; returns whether any math markup was put in.
    func rewrite(_ document: OpaquePointer) -> Bool {
        var texts: [(node: OpaquePointer, inImage: Bool)] = []
        var codes: [OpaquePointer] = []
        var rawInlines: [OpaquePointer] = []
        var rawBlocks: [OpaquePointer] = []
        var links: [(node: OpaquePointer, isImage: Bool)] = []
        var imageDepth = 0

        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_TEXT:
                if hasToken(node) { texts.append((node, imageDepth > 0)) }
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                if hasToken(node) { codes.append(node) }
            case CMARK_NODE_HTML_INLINE:
                rawInlines.append(node)
            case CMARK_NODE_HTML_BLOCK:
                rawBlocks.append(node)
            case CMARK_NODE_LINK:
                if entering { links.append((node, false)) }
            case CMARK_NODE_IMAGE:
                if entering {
                    links.append((node, true))
                    imageDepth += 1
                } else {
                    imageDepth -= 1
                }
            default:
                break
            }
        }

        var hasMath = false
        for (node, inImage) in texts {
            if inImage {
                CmarkNode.setLiteral(node, restored(cmark_node_get_literal(node)))
            } else {
                hasMath = splitMath(node) || hasMath
            }
        }
        for node in codes {
            CmarkNode.setLiteral(node, restored(cmark_node_get_literal(node)))
        }
        for node in rawInlines {
            CmarkNode.replace(node, with: CmarkNode.text(restored(cmark_node_get_literal(node))))
        }
        for node in rawBlocks {
            var literal = restored(cmark_node_get_literal(node))
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

    private func hasToken(_ node: OpaquePointer) -> Bool {
        Token.mayContain(CmarkNode.bytes(cmark_node_get_literal(node)))
    }

    private func restored(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
        TokenText.restoringSource(CmarkNode.bytes(pointer), spans: spans)
    }

    /// Replaces a text node holding tokens by text and math nodes; returns whether math was put in.
    private func splitMath(_ node: OpaquePointer) -> Bool {
        var hasMath = false
        var pieces: [OpaquePointer] = []
        var pendingText: [UInt8] = []
        TokenText.forEachSegment(CmarkNode.bytes(cmark_node_get_literal(node)), spanCount: spans.count) { segment in
            switch segment {
            case .text(let run):
                pendingText.append(contentsOf: run)
            case .span(let index):
                switch spans[index] {
                case .literal(let text):
                    pendingText.append(contentsOf: text.utf8)
                case .math(let tex, let display, _):
                    if !pendingText.isEmpty {
                        pieces.append(CmarkNode.text(pendingText))
                        pendingText.removeAll(keepingCapacity: true)
                    }
                    pieces.append(CmarkNode.rawInline(HTMLEscaping.math(tex, display: display)))
                    hasMath = true
                }
            }
        }
        if !hasMath {
            CmarkNode.setLiteral(node, pendingText)
            return false
        }
        if !pendingText.isEmpty { pieces.append(CmarkNode.text(pendingText)) }
        for piece in pieces { cmark_node_insert_before(node, piece) }
        cmark_node_unlink(node)
        cmark_node_free(node)
        return true
    }

    private func rewriteLink(_ node: OpaquePointer, isImage: Bool) {
        var url = String(decoding: restored(cmark_node_get_url(node)), as: UTF8.self)
        if let resolver { url = resolver.resolve(url) }
        guard LinkPolicy.allows(url, image: isImage) else {
            CmarkNode.unwrap(node)
            return
        }
        CmarkNode.withCString(Array(url.utf8)) { _ = cmark_node_set_url(node, $0) }
        let title = CmarkNode.bytes(cmark_node_get_title(node))
        if Token.mayContain(title) {
            CmarkNode.withCString(TokenText.restoringSource(title, spans: spans)) { _ = cmark_node_set_title(node, $0) }
        }
    }
}
