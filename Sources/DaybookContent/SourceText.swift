import DaybookSystem

/// Turns a file's bytes into text: checks UTF-8 (naming the line and column of a bad byte),
/// skips a byte-order mark, and maps offsets to 1-based lines and columns.
enum SourceText {
    /// The UTF-8 byte-order mark `EF BB BF`.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The text of `bytes` without a leading byte-order mark, or an error positioned at the first
    /// byte that is not valid UTF-8.
    static func decode(_ bytes: [UInt8], path: String) throws(ContentError) -> String {
        let body = bytes[(bytes.starts(with: byteOrderMark) ? 3 : 0)...]
        try checkUTF8(body, path: path)
        return String(decoding: body, as: UTF8.self)
    }

    /// Throws an error positioned at the first byte that is not valid UTF-8, if there is one.
    /// `bytes` must start where the file's text starts (after a byte-order mark), so that positions are right.
    static func checkUTF8(_ bytes: ArraySlice<UInt8>, path: String) throws(ContentError) {
        let offset = firstInvalidOffset(bytes)
        guard offset < bytes.endIndex else { return }
        let (line, column) = position(ofOffset: offset, in: bytes)
        throw ContentError([Diagnostic(path: path, line: line, column: column,
                                       message: "invalid UTF-8: byte 0x\(hex(bytes[offset])) is not valid here; save the file as UTF-8")])
    }

    /// The offset (an index of `bytes`) of the first byte that starts an invalid UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            for k in 1..<length {
                let byte = bytes[index + k]
                let (lo, hi): (UInt8, UInt8) = k == 1 ? (low, high) : (0x80, 0xBF)
                guard byte >= lo && byte <= hi else { return index }
            }
            index += length
        }
        return index
    }

    /// 1-based line and column (counted in Unicode scalars, as libyaml does) of a byte offset.
    static func position(ofOffset offset: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < offset && index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// Collapses every run of whitespace (including line breaks) to one space and trims the ends.
    /// Works on UTF-8 bytes and returns the text itself when it is already clean (the common case).
    static func collapsingWhitespace(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var index = 0
            var clean = true
            var previousWasSpace = true  // a leading space is not clean
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width > 0 {
                    if previousWasSpace || width > 1 || bytes[index] != 0x20 { clean = false; break }
                    previousWasSpace = true
                    index += width
                } else {
                    previousWasSpace = false
                    index += 1
                }
            }
            if clean && !previousWasSpace || bytes.isEmpty { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            index = 0
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width > 0 {
                    pendingSpace = !out.isEmpty
                    index += width
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    out.append(bytes[index])
                    index += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var start = 0
            while start < bytes.count {
                let width = whitespaceWidth(bytes, at: start)
                if width == 0 { break }
                start += width
            }
            var end = start
            var index = start
            while index < bytes.count {
                let width = whitespaceWidth(bytes, at: index)
                if width == 0 { index += 1; end = index } else { index += width }
            }
            if start == 0 && end == bytes.count { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        } ?? text
    }

    /// Whether the text holds any whitespace or control character.
    static func containsSpaceOrControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for index in 0..<bytes.count where bytes[index] < 0x20 || bytes[index] == 0x7F || whitespaceWidth(bytes, at: index) > 0 {
                return true
            }
            return false
        }
    }

    /// The byte length of the Unicode whitespace character (White_Space property) starting at
    /// `index`, or 0 when there is none. ASCII is checked first; only a few lead bytes can start others.
    @inline(__always)
    static func whitespaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte < 0x80 { return byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) ? 1 : 0 }
        guard byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3), index + 1 < bytes.count else { return 0 }
        let second = bytes[index + 1]
        if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : 0 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0  // U+1680
        case (0xE2, 0x80): return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0  // U+205F
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0  // U+3000
        default: return 0
        }
    }

    /// A value as shown in a message: quoted, escaped, shortened past 60 characters.
    static func quoted(_ text: String) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 60 { out += "…"; break }
            count += 1
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ byte: UInt8) -> String {
        String(decoding: [Hex.upperDigits[Int(byte >> 4)], Hex.upperDigits[Int(byte & 0x0F)]], as: UTF8.self)
    }
}

extension SourceText {
    /// Hard-wrapped text (as arXiv abstracts come) reflowed: whitespace collapsed inside each
    /// paragraph, paragraphs (separated by blank lines) joined by one blank line.
    static func reflowingParagraphs(_ text: String) -> String {
        var paragraphs: [String] = []
        var current = ""
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(collapsingWhitespace(current)) }
                current = ""
            } else {
                current += current.isEmpty ? String(line) : " " + line
            }
        }
        if !current.isEmpty { paragraphs.append(collapsingWhitespace(current)) }
        return paragraphs.joined(separator: "\n\n")
    }
}
