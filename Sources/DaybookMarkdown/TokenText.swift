/// Text that may hold placeholder tokens, split into plain runs and protected spans.
struct TokenText {
    enum Segment {
        case text(UnsafeBufferPointer<UInt8>)
        case span(Int)
    }

    /// Calls `body` for each plain run and each token of `bytes`, in order.
    static func forEachSegment(_ bytes: UnsafeBufferPointer<UInt8>, spanCount: Int, _ body: (Segment) -> Void) {
        var runStart = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == Token.lead0, let token = Token.match(bytes, at: i, count: spanCount) {
                if i > runStart { body(.text(UnsafeBufferPointer(rebasing: bytes[runStart..<i]))) }
                body(.span(token.index))
                i = token.end
                runStart = i
            } else {
                i += 1
            }
        }
        if bytes.count > runStart { body(.text(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))) }
    }

    /// `bytes` with math tokens (and, unless `keepingLiterals`, every token) replaced by the source text.
    static func restoringSource(_ bytes: UnsafeBufferPointer<UInt8>, spans: [ProtectedSpan],
                                keepingLiterals: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        forEachSegment(bytes, spanCount: spans.count) { segment in
            switch segment {
            case .text(let run):
                out.append(contentsOf: run)
            case .span(let index):
                if keepingLiterals, case .literal = spans[index] {
                    Token.append(index, to: &out)
                } else {
                    out.append(contentsOf: spans[index].source.utf8)
                }
            }
        }
        return out
    }

    /// Whether `bytes` holds a math token.
    static func hasMath(_ bytes: UnsafeBufferPointer<UInt8>, spans: [ProtectedSpan]) -> Bool {
        var found = false
        forEachSegment(bytes, spanCount: spans.count) { segment in
            if case .span(let index) = segment, case .math = spans[index] { found = true }
        }
        return found
    }

    /// Rendered HTML with every token replaced: math by its markup, literals by their source.
    static func expandingTokens(_ html: UnsafeBufferPointer<UInt8>, spans: [ProtectedSpan]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 64)
        forEachSegment(html, spanCount: spans.count) { segment in
            switch segment {
            case .text(let run):
                out.append(contentsOf: run)
            case .span(let index):
                switch spans[index] {
                case .math(let tex, let display, _): MathMarkup.appendMath(tex, display: display, to: &out)
                case .literal(let source): out.append(contentsOf: source.utf8)
                }
            }
        }
        return out
    }
}
