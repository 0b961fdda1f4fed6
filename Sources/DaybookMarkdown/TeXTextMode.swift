import Foundation

/// Turns TeX text mode, as arXiv and Hugging Face abstracts and titles write it outside math, into
/// the characters it means: accents (`R\'{e}nyi`, `\"o`, `{\"o}`, `\c{c}`, `\v s`) and special
/// letters (`\ss`, `\o`, `\ae`, `\l`, `\i`) to Unicode (NFC), escaped specials (`\%`, `\&`, `\#`,
/// `\_`, `\{`, `\}`) to themselves, ``` ``quotes'' ``` to “quotes”, `--` and `---` to – and —, a tie
/// (`Fig.~3`) to a no-break space, `\ldots` to …, and `\emph{…}`, `\textit{…}`, `\textbf{…}`,
/// `\texttt{…}` to Markdown emphasis, bold and code (or to their text in plain mode).
///
/// It runs on source bytes whose math has been swapped for tokens (see `MathProtector`), so TeX
/// inside `$…$` is never touched; tokens are non-ASCII and pass through. In Markdown, code spans
/// and fenced code blocks are copied as they are. Anything it does not recognise stays as written.
enum TeXTextMode {
    enum Mode {
        /// The output goes to cmark: text commands become Markdown markup.
        case markdown
        /// Plain text (titles): text commands keep only their text.
        case plain
    }

    /// Whether `bytes` may hold anything to convert (a backslash, a backtick, a tilde, `--` or `''`).
    /// Searched with `memchr` (it runs on every title and abstract, several times a build).
    static func mayApply(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return false }
            for byte: UInt8 in [0x5C, 0x60, 0x7E] where memchr(base, Int32(byte), buffer.count) != nil { return true }
            for byte: UInt8 in [0x2D, 0x27] {
                // Each occurrence but at the last byte, and the byte after it.
                var from = 0
                while from < buffer.count - 1, let hit = memchr(base + from, Int32(byte), buffer.count - 1 - from) {
                    let at = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
                    if base[at + 1] == byte { return true }
                    from = at + 1
                }
            }
            return false
        }
    }

    static func convert(_ bytes: [UInt8], mode: Mode) -> [UInt8] {
        guard mayApply(bytes) else { return bytes }
        var converter = Converter(source: bytes, mode: mode)
        converter.run()
        return converter.out
    }

    /// Accent commands and the combining mark each puts on the next letter.
    static let accents: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: "'"): "\u{0301}", UInt8(ascii: "`"): "\u{0300}", UInt8(ascii: "^"): "\u{0302}",
        UInt8(ascii: "\""): "\u{0308}", UInt8(ascii: "~"): "\u{0303}", UInt8(ascii: "="): "\u{0304}",
        UInt8(ascii: "."): "\u{0307}",
    ]
    /// Accent commands spelt with a letter (`\c{c}`, `\v s`): they need a brace or a space.
    static let letterAccents: [UInt8: Unicode.Scalar] = [
        UInt8(ascii: "c"): "\u{0327}", UInt8(ascii: "v"): "\u{030C}", UInt8(ascii: "u"): "\u{0306}",
        UInt8(ascii: "H"): "\u{030B}", UInt8(ascii: "k"): "\u{0328}", UInt8(ascii: "r"): "\u{030A}",
        UInt8(ascii: "d"): "\u{0323}", UInt8(ascii: "b"): "\u{0331}",
    ]
    /// Control words that stand for one character.
    static let words: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "ldots": "…", "dots": "…", "textendash": "–", "textemdash": "—",
        "textquoteleft": "‘", "textquoteright": "’", "TeX": "TeX", "LaTeX": "LaTeX", "textasciitilde": "~",
    ]
    /// Text commands whose argument is kept, with the Markdown markup around it.
    static let textCommands: [String: String] = [
        "emph": "*", "textit": "*", "textsl": "*", "textbf": "**", "texttt": "`",
        "textrm": "", "textsf": "", "textsc": "", "textup": "", "textnormal": "", "mbox": "", "url": "",
    ]

    private struct Converter {
        let b: [UInt8]
        let mode: Mode
        var out: [UInt8] = []
        var i = 0
        /// Offset after the `''` that closes an open ``` `` ``` quote, when one is open.
        var closingQuote: Int?

        init(source: [UInt8], mode: Mode) {
            b = source
            self.mode = mode
            out.reserveCapacity(source.count)
        }

        func at(_ k: Int) -> UInt8 { k < b.count ? b[k] : 0 }

        static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }

        mutating func run() {
            while i < b.count {
                let c = b[i]
                if mode == .markdown && (i == 0 || b[i - 1] == 0x0A) && skipFence() { continue }
                switch c {
                case 0x5C: backslash()
                case 0x7B: brace()
                case 0x60: backtick()
                case 0x27 where at(i + 1) == 0x27 && closingQuote == i + 2:
                    out += Array("”".utf8); i += 2; closingQuote = nil
                case 0x2D where at(i + 1) == 0x2D: dashes()
                case 0x7E where isTie(i): out += Array("\u{00A0}".utf8); i += 1
                default: out.append(c); i += 1
                }
            }
        }

        /// A fenced code block (a line starting with ``` or ~~~) is copied up to its closing fence.
        mutating func skipFence() -> Bool {
            var k = i
            while k < b.count, k - i < 4, b[k] == 0x20 { k += 1 }
            let fence = at(k)
            guard fence == 0x60 || fence == 0x7E, at(k + 1) == fence, at(k + 2) == fence else { return false }
            var end = k
            while end < b.count {
                guard let newline = b[end...].firstIndex(of: 0x0A) else { end = b.count; break }
                end = newline + 1
                var s = end
                while s < b.count, s - end < 4, b[s] == 0x20 { s += 1 }
                if at(s) == fence && at(s + 1) == fence && at(s + 2) == fence {
                    end = b[s...].firstIndex(of: 0x0A).map { $0 + 1 } ?? b.count
                    break
                }
            }
            out += b[i..<end]
            i = end
            return true
        }

        /// ``` ``quoted'' ``` becomes “quoted” when the `''` comes before the next backtick on the
        /// same paragraph; otherwise a run of backticks is a code span (copied) or left as is.
        mutating func backtick() {
            var run = i
            while run < b.count, b[run] == 0x60 { run += 1 }
            let count = run - i
            if count == 2, let close = quoteClose(from: run) {
                out += Array("“".utf8); i = run; closingQuote = close
                return
            }
            if mode == .markdown, let end = codeSpanEnd(from: run, count: count) {
                out += b[i..<end]; i = end
                return
            }
            out += b[i..<run]; i = run
        }

        /// Offset after the `''` closing a quote opened before `start`, if one comes first.
        func quoteClose(from start: Int) -> Int? {
            var k = start
            while k + 1 < b.count, k - start < 400 {
                if b[k] == 0x60 { return nil }
                if b[k] == 0x0A && b[k + 1] == 0x0A { return nil }
                if b[k] == 0x27 && b[k + 1] == 0x27 { return k + 2 }
                k += 1
            }
            return nil
        }

        /// Offset after the run of exactly `count` backticks that closes a code span.
        func codeSpanEnd(from start: Int, count: Int) -> Int? {
            var k = start
            while k < b.count {
                if b[k] == 0x60 {
                    var run = k
                    while run < b.count, b[run] == 0x60 { run += 1 }
                    if run - k == count { return run }
                    k = run
                } else {
                    if b[k] == 0x0A && at(k + 1) == 0x0A { return nil }
                    k += 1
                }
            }
            return nil
        }

        /// `--` → –, `---` → —, except a command-line flag (` --fast`), an HTML comment, or a
        /// line of dashes (a Markdown rule or table).
        mutating func dashes() {
            var run = i
            while run < b.count, b[run] == 0x2D { run += 1 }
            let count = run - i
            let before = i > 0 ? b[i - 1] : 0x0A
            let after = at(run)
            let flag = (before == 0x20 || before == 0x0A || before == 0x09) && Converter.isLetter(after)
            let comment = (i >= 2 && b[i - 1] == 0x21 && b[i - 2] == 0x3C) || after == 0x3E
            if count > 3 || flag || comment || lineIsRule(around: i) || inURL(i) {
                out += b[i..<run]; i = run
                return
            }
            out += Array((count == 3 ? "—" : "–").utf8)
            i = run
        }

        /// `Task~Arithmetic`, `Fig.~3`: a TeX tie (a single `~` between a word and the next) is a
        /// no-break space; `~30%` (approximately) and `~~strike~~` are not ties.
        func isTie(_ k: Int) -> Bool {
            guard k > 0, at(k + 1) != 0x7E, b[k - 1] != 0x7E else { return false }
            let before = b[k - 1], after = at(k + 1)
            let word = Converter.isLetter(before) || before == 0x2E || before == 0x29
            let next = Converter.isLetter(after) || (after >= 0x30 && after <= 0x39)
            return word && next && !inURL(k)
        }

        /// Whether the word holding `k` is a URL (`https://a--b.example/`).
        func inURL(_ k: Int) -> Bool {
            var s = k
            while s > 0, ![0x20, 0x0A, 0x09, 0x28, 0x3C].contains(b[s - 1]) { s -= 1 }
            var e = k
            while e < b.count, ![0x20, 0x0A, 0x09, 0x29, 0x3E].contains(b[e]) { e += 1 }
            let word = b[s..<e]
            return word.starts(with: Array("http".utf8)) || word.starts(with: Array("www.".utf8))
                || word.firstRange(of: Array("://".utf8)) != nil
        }

        /// Whether the line holding `k` has only dashes, pipes, colons, plus signs and spaces.
        func lineIsRule(around k: Int) -> Bool {
            var s = k
            while s > 0, b[s - 1] != 0x0A { s -= 1 }
            var e = k
            while e < b.count, b[e] != 0x0A { e += 1 }
            return b[s..<e].allSatisfy { [0x2D, 0x7C, 0x3A, 0x2B, 0x20, 0x09, 0x0D].contains($0) }
        }

        /// `{\'e}`, `{\ss}`: a group holding one converted command loses its braces.
        mutating func brace() {
            guard at(i + 1) == 0x5C, let (text, end) = command(at: i + 1), at(end) == 0x7D, !text.isEmpty,
                  !text.contains("*"), !text.contains("`") else {
                out.append(b[i]); i += 1
                return
            }
            out += Array(text.utf8)
            i = end + 1
        }

        mutating func backslash() {
            if let (text, end) = command(at: i) {
                out += Array(text.utf8)
                i = end
            } else {
                out.append(b[i]); i += 1
            }
        }

        /// The text a command at `k` (a backslash) stands for, and the offset after it.
        func command(at k: Int) -> (String, Int)? {
            let c = at(k + 1)
            if mode == .plain, [0x25, 0x26, 0x23, 0x5F, 0x7B, 0x7D].contains(c) {  // \% \& \# \_ \{ \}
                return (String(UnicodeScalar(c)), k + 2)  // (in Markdown, cmark reads these escapes itself)
            }
            if let mark = TeXTextMode.accents[c] {
                return accented(mark, argumentAt: k + 2, needsBrace: false)
            }
            guard Converter.isLetter(c) else { return nil }
            var e = k + 1
            while e < b.count, Converter.isLetter(b[e]) { e += 1 }
            let word = String(decoding: b[(k + 1)..<e], as: UTF8.self)
            if word.count == 1, let mark = TeXTextMode.letterAccents[c] {
                return accented(mark, argumentAt: e, needsBrace: true)
            }
            if let text = TeXTextMode.words[word] {
                // A control word eats the spaces after it, and `{}` ends it: `\ss{}`, `Stra\ss e`.
                var end = e
                if at(end) == 0x7B && at(end + 1) == 0x7D { end += 2 } else if at(end) == 0x20, text.count == 1, word.count <= 2 {
                    end += 1
                }
                return (text, end)
            }
            if let markup = TeXTextMode.textCommands[word], at(e) == 0x7B, let close = closingBrace(from: e + 1) {
                let inner = TeXTextMode.convert(Array(b[(e + 1)..<close]), mode: mode)
                let wrap = mode == .markdown ? markup : ""
                return (wrap + String(decoding: inner, as: UTF8.self) + wrap, close + 1)
            }
            return nil
        }

        /// The letter at `k` (braced or not; `\i`, `\j` included) with `mark`, NFC, and the offset after it.
        func accented(_ mark: Unicode.Scalar, argumentAt start: Int, needsBrace: Bool) -> (String, Int)? {
            var k = start
            let braced = at(k) == 0x7B
            if braced {
                k += 1
            } else if needsBrace {
                guard at(k) == 0x20 else { return nil }
                k += 1
            }
            var base: String
            if at(k) == 0x5C, at(k + 1) == 0x69 || at(k + 1) == 0x6A, !Converter.isLetter(at(k + 2)) {
                base = at(k + 1) == 0x69 ? "i" : "j"  // a dotless i or j takes the accent as i or j
                k += 2
                if !braced && at(k) == 0x20 { k += 1 }
            } else if Converter.isLetter(at(k)) {
                base = String(UnicodeScalar(at(k)))
                k += 1
            } else {
                return nil
            }
            if braced {
                guard at(k) == 0x7D else { return nil }
                k += 1
            }
            base.unicodeScalars.append(mark)
            return (base.precomposedStringWithCanonicalMapping, k)
        }

        /// Offset of the `}` closing a group opened just before `start` (nesting counted).
        func closingBrace(from start: Int) -> Int? {
            var depth = 0
            var k = start
            while k < b.count, k - start < 2000 {
                switch b[k] {
                case 0x5C: k += 1
                case 0x7B: depth += 1
                case 0x7D:
                    if depth == 0 { return k }
                    depth -= 1
                default: break
                }
                k += 1
            }
            return nil
        }
    }
}
