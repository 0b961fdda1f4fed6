/// Finds math spans in source text and swaps them for placeholder tokens (see `ProtectedSpan`).
///
/// Delimiters: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` display (as arXiv's MathJax reads them).
/// Inline `$` follows pandoc: the opening `$` is not followed by whitespace, the next `$` closes and
/// must not be preceded by whitespace nor followed by a digit, so "costs $5 and $10" holds no math. `\$` is an
/// escaped dollar. In Markdown, code spans, fenced code blocks and `<scheme:…>` autolinks are left alone
/// and math never crosses a blank line.
struct MathProtector {
    enum Mode {
        /// Block Markdown: Markdown code and escapes are honoured; the output goes to cmark.
        case markdown
        /// One line of plain text: only math is recognised; `\$` becomes `$`.
        case plainText
    }

    /// Source bytes with tokens in place of the protected spans.
    struct Result {
        var bytes: [UInt8]
        var spans: [ProtectedSpan]

        /// The same with TeX text mode outside math converted (see `TeXTextMode`).
        func convertingTeXTextMode(_ mode: TeXTextMode.Mode) -> Result {
            Result(bytes: TeXTextMode.convert(bytes, mode: mode), spans: spans)
        }
    }

    static func protect(_ text: String, mode: Mode) -> Result {
        var text = text
        return text.withUTF8 { source in
            // Most abstracts hold no math: with no `$`, backslash or private-use lead byte there is nothing to do.
            guard Token.contains(0x24, in: source) || Token.contains(0x5C, in: source) || Token.contains(Token.lead0, in: source) else {
                return Result(bytes: Array(source), spans: [])
            }
            var protector = MathProtector(source: source, mode: mode)
            protector.run()
            return Result(bytes: protector.out, spans: protector.spans)
        }
    }

    private let b: UnsafeBufferPointer<UInt8>
    private let mode: Mode
    private var out: [UInt8] = []
    private var spans: [ProtectedSpan] = []
    /// Start of the source bytes not yet copied to `out`.
    private var pending = 0

    private init(source: UnsafeBufferPointer<UInt8>, mode: Mode) {
        b = source
        self.mode = mode
        out.reserveCapacity(source.count + 16)
    }

    private mutating func run() {
        switch mode {
        case .plainText: scanInline(0, b.count)
        case .markdown: scanBlocks()
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pending..<b.count]))
    }

    // MARK: Blocks

    /// Splits the source into runs of non-blank lines (scanned for math) and fenced code (copied).
    private mutating func scanBlocks() {
        var i = 0
        var runStart: Int? = nil
        var fence: (char: UInt8, length: Int)? = nil
        while i < b.count {
            var lineEnd = i
            while lineEnd < b.count, b[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd < b.count ? lineEnd + 1 : lineEnd
            if let open = fence {
                if closesFence(i, lineEnd, open) { fence = nil }
                protectPrivateUse(i, lineEnd)
            } else if isBlank(i, lineEnd) {
                if let start = runStart { scanInline(start, i) }
                runStart = nil
            } else if let open = opensFence(i, lineEnd) {
                if let start = runStart { scanInline(start, i) }
                runStart = nil
                fence = open
                protectPrivateUse(i, lineEnd)
            } else if runStart == nil {
                runStart = i
            }
            i = next
        }
        if let start = runStart { scanInline(start, b.count) }
    }

    private func isBlank(_ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if !Self.isSpace(b[i]) { return false }
            i += 1
        }
        return true
    }

    /// Up to 3 spaces, then 3 or more backticks (no backtick after them on the line) or tildes.
    private func opensFence(_ start: Int, _ end: Int) -> (char: UInt8, length: Int)? {
        var i = start
        while i < end, i - start < 3, b[i] == 0x20 { i += 1 }
        guard i < end, b[i] == 0x60 || b[i] == 0x7E else { return nil }
        let char = b[i]
        let runStart = i
        while i < end, b[i] == char { i += 1 }
        guard i - runStart >= 3 else { return nil }
        if char == 0x60 {
            while i < end {
                if b[i] == 0x60 { return nil }
                i += 1
            }
        }
        return (char, i - runStart)
    }

    private func closesFence(_ start: Int, _ end: Int, _ open: (char: UInt8, length: Int)) -> Bool {
        var i = start
        while i < end, i - start < 3, b[i] == 0x20 { i += 1 }
        let runStart = i
        while i < end, b[i] == open.char { i += 1 }
        guard i - runStart >= open.length else { return false }
        return isBlank(i, end)
    }

    // MARK: Inline

    private mutating func scanInline(_ start: Int, _ end: Int) {
        var j = start
        while j < end {
            let c = b[j]
            guard c == 0x24 || c == 0x5C || c == 0x60 || c == 0x3C || c == Token.lead0 else {
                j += 1
                continue
            }
            switch c {
            case 0x5C: // backslash
                guard j + 1 < end else { j += 1; continue }
                let next = b[j + 1]
                if next == 0x28 || next == 0x5B, // \( or \[
                   let close = closingBackslash(from: j + 2, end, next == 0x28 ? 0x29 : 0x5D) {
                    emitMath(j, close + 2, texStart: j + 2, texEnd: close, display: next == 0x5B)
                    j = close + 2
                } else if next == 0x24, mode == .plainText { // \$ is a dollar
                    flush(upTo: j)
                    pending = j + 1
                    j += 2
                } else if mode == .markdown, Self.isASCIIPunctuation(next) {
                    j += 2
                } else {
                    j += 1
                }
            case 0x24: // $
                if j + 1 < end, b[j + 1] == 0x24 {
                    if let close = closingDoubleDollar(from: j + 2, end), !isBlank(j + 2, close) {
                        emitMath(j, close + 2, texStart: j + 2, texEnd: close, display: true)
                        j = close + 2
                    } else {
                        j += 2
                    }
                } else if let close = closingDollar(opening: j, end) {
                    emitMath(j, close + 1, texStart: j + 1, texEnd: close, display: false)
                    j = close + 1
                } else {
                    j += 1
                }
            case 0x60 where mode == .markdown: // `
                let after = endOfCodeSpan(j, end)
                protectPrivateUse(j, after)
                j = after
            case 0x3C where mode == .markdown: // <
                guard let after = endOfAutolink(j, end) else { j += 1; continue }
                protectPrivateUse(j, after)
                j = after
            case Token.lead0 where isTokenDelimiter(j, end):
                protectDelimiter(j)
                j += 3
            default:
                j += 1
            }
        }
    }

    /// Whether U+E000 or U+E001 starts at `j`.
    private func isTokenDelimiter(_ j: Int, _ end: Int) -> Bool {
        j + 2 < end && b[j] == Token.lead0 && b[j + 1] == Token.lead1 && (b[j + 2] == Token.open || b[j + 2] == Token.close)
    }

    /// Swaps a U+E000 or U+E001 found in the source for a token, so no source text can pose as one.
    private mutating func protectDelimiter(_ j: Int) {
        flush(upTo: j)
        Token.append(spans.count, to: &out)
        spans.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: b[j..<j + 3]), as: UTF8.self)))
        pending = j + 3
    }

    private mutating func protectPrivateUse(_ start: Int, _ end: Int) {
        var j = start
        while j < end {
            if isTokenDelimiter(j, end) {
                protectDelimiter(j)
                j += 3
            } else {
                j += 1
            }
        }
    }

    private mutating func flush(upTo j: Int) {
        if j > pending { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[pending..<j])) }
    }

    private mutating func emitMath(_ start: Int, _ end: Int, texStart: Int, texEnd: Int, display: Bool) {
        flush(upTo: start)
        Token.append(spans.count, to: &out)
        let tex = String(decoding: UnsafeBufferPointer(rebasing: b[texStart..<texEnd]), as: UTF8.self)
        let source = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
        spans.append(.math(tex: tex, display: display, source: source))
        pending = end
    }

    /// The index of the `$` closing an inline span opened at `opening`, by pandoc's rule: the next
    /// unescaped `$` closes, unless whitespace precedes it or a digit follows it; then there is no span.
    private func closingDollar(opening: Int, _ end: Int) -> Int? {
        guard opening + 1 < end, !Self.isSpace(b[opening + 1]) else { return nil }
        var k = opening + 1
        while k < end {
            let c = b[k]
            if c == 0x5C { k += 2; continue }
            if c == 0x24 {
                return Self.isSpace(b[k - 1]) || (k + 1 < end && Self.isDigit(b[k + 1])) ? nil : k
            }
            k += 1
        }
        return nil
    }

    private func closingDoubleDollar(from start: Int, _ end: Int) -> Int? {
        var k = start
        while k + 1 < end {
            if b[k] == 0x5C { k += 2; continue }
            if b[k] == 0x24, b[k + 1] == 0x24 { return k }
            k += 1
        }
        return nil
    }

    /// The index of the backslash of `\)` or `\]` (`closer`) after `start`, with non-blank math between.
    private func closingBackslash(from start: Int, _ end: Int, _ closer: UInt8) -> Int? {
        var k = start
        while k + 1 < end {
            if b[k] == 0x5C {
                if b[k + 1] == closer { return isBlank(start, k) ? nil : k }
                k += 2
                continue
            }
            k += 1
        }
        return nil
    }

    /// After a code span opened by the backtick run at `start`, or after the run when nothing closes it.
    private func endOfCodeSpan(_ start: Int, _ end: Int) -> Int {
        var k = start
        while k < end, b[k] == 0x60 { k += 1 }
        let length = k - start
        let afterOpening = k
        while k < end {
            guard b[k] == 0x60 else { k += 1; continue }
            let runStart = k
            while k < end, b[k] == 0x60 { k += 1 }
            if k - runStart == length { return k }
        }
        return afterOpening
    }

    /// After a `<scheme:…>` autolink starting at `start`, if one does.
    private func endOfAutolink(_ start: Int, _ end: Int) -> Int? {
        var k = start + 1
        guard k < end, Self.isLetter(b[k]) else { return nil }
        k += 1
        while k < end, Self.isLetter(b[k]) || Self.isDigit(b[k]) || b[k] == 0x2B || b[k] == 0x2E || b[k] == 0x2D {
            k += 1
        }
        guard k - start - 1 >= 2, k - start - 1 <= 32, k < end, b[k] == 0x3A else { return nil }
        k += 1
        while k < end {
            let c = b[k]
            if c == 0x3E { return k + 1 }
            if c <= 0x20 || c == 0x3C { return nil }
            k += 1
        }
        return nil
    }

    // MARK: Bytes

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isASCIIPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }
}
