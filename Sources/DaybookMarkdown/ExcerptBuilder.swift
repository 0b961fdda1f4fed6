import CCmarkGFM

/// The plain text of a parsed document, and cutting it to length at a word boundary.
struct ExcerptBuilder {
    let spans: [ProtectedSpan]

    /// Stands for whitespace inside math while the text is gathered, so no cut falls inside math;
    /// it becomes a space again in the end.
    private static let mathSpace: [UInt8] = [0xEE, 0x80, 0x82] // U+E002

    /// The document's text: markup removed, math as `$tex$` / `$$tex$$`, whitespace collapsed.
    func text(of document: OpaquePointer) -> String {
        var raw: [UInt8] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT:
                appendText(cmark_node_get_literal(node), to: &raw)
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_INLINE, CMARK_NODE_HTML_BLOCK:
                raw.append(contentsOf: TokenText.restoringSource(CmarkNode.bytes(cmark_node_get_literal(node)), spans: spans))
                if type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK { raw.append(0x20) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                raw.append(0x20)
            default:
                // Every other block ends with a space, so words of neighbouring blocks stay apart.
                if event == CMARK_EVENT_EXIT, type.rawValue & UInt32(CMARK_NODE_TYPE_MASK) == UInt32(CMARK_NODE_TYPE_BLOCK) {
                    raw.append(0x20)
                }
            }
        }
        return Self.collapsingWhitespace(raw)
    }

    private func appendText(_ literal: UnsafePointer<CChar>?, to raw: inout [UInt8]) {
        TokenText.forEachSegment(CmarkNode.bytes(literal), spanCount: spans.count) { segment in
            switch segment {
            case .text(let run):
                raw.append(contentsOf: run)
            case .span(let index):
                switch spans[index] {
                case .literal(let text):
                    raw.append(contentsOf: text.utf8)
                case .math(let tex, let display, _):
                    let dollars: [UInt8] = display ? [0x24, 0x24] : [0x24]
                    raw.append(contentsOf: dollars)
                    var lastWasSpace = false
                    for c in tex.utf8 {
                        if MathProtector.isSpace(c) {
                            if !lastWasSpace { raw.append(contentsOf: Self.mathSpace) }
                            lastWasSpace = true
                        } else {
                            raw.append(c)
                            lastWasSpace = false
                        }
                    }
                    raw.append(contentsOf: dollars)
                }
            }
        }
    }

    private static func collapsingWhitespace(_ raw: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: raw.count) { out in
            var count = 0
            var pendingSpace = false
            for c in raw {
                if MathProtector.isSpace(c) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                    }
                    pendingSpace = false
                    out[count] = c
                    count += 1
                }
            }
            return count
        }
    }

    /// `text` cut at a word boundary so that, with "…" appended, it is at most `maxLength` characters.
    static func cut(_ text: String, maxLength: Int) -> String {
        let mathSpace = Character("\u{E002}")
        func finished(_ s: Substring) -> String {
            s.unicodeScalars.contains("\u{E002}") ? String(s).replacing(String(mathSpace), with: " ") : String(s)
        }
        guard maxLength > 0 else { return "" }
        guard let limit = text.index(text.startIndex, offsetBy: maxLength, limitedBy: text.endIndex),
              limit != text.endIndex else {
            return finished(text[...])
        }
        let budget = text.index(before: limit)   // room for the ellipsis
        var end = budget
        if text[budget] != " " {
            // Back up to the last space within the budget; a single over-long word is cut hard.
            if let space = text[..<budget].lastIndex(of: " ") { end = space }
        }
        var kept = text[..<end]
        while let last = kept.last, last == " " || last == "," || last == ";" || last == ":" { kept.removeLast() }
        return finished(kept) + "…"
    }
}
