/// A strict JSON parser (RFC 8259) over UTF-8 bytes that keeps each value's byte offset and
/// reports syntax errors as positioned diagnostics.
struct JSONParser {
    private let bytes: [UInt8]
    private let path: String
    private var index: Int
    private var depth = 0
    private static let maxDepth = 256

    private struct Failure: Error { var diagnostic: Diagnostic }

    /// Parses one JSON document (a leading byte-order mark is skipped).
    static func parse(_ bytes: [UInt8], path: String) throws(ContentError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, path: path)
        do throws(Failure) {
            parser.skipWhitespace()
            let value = try parser.value()
            parser.skipWhitespace()
            guard parser.index == bytes.count else { throw parser.failure("unexpected text after the JSON value") }
            return value
        } catch {
            throw ContentError([error.diagnostic])
        }
    }

    private init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        index = bytes.starts(with: SourceText.byteOrderMark) ? 3 : 0
    }

    private func failure(_ message: String, at position: Int? = nil) -> Failure {
        let (line, column) = JSONLocator(bytes).position(ofOffset: position ?? index)
        return Failure(diagnostic: Diagnostic(path: path, line: line, column: column, message: "invalid JSON: \(message)"))
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: index += 1
            default: return
            }
        }
    }

    private func describeNext() -> String {
        guard index < bytes.count else { return "the end of the file" }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func value() throws(Failure) -> JSONValue {
        let start = index
        func made(_ kind: JSONValue.Kind) -> JSONValue { JSONValue(kind: kind, offset: start) }
        guard index < bytes.count else { throw failure("expected a value, found the end of the file") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return made(try object())
        case UInt8(ascii: "["): return made(try array())
        case UInt8(ascii: "\""): return made(.string(try string()))
        case UInt8(ascii: "t"): try literal("true"); return made(.bool(true))
        case UInt8(ascii: "f"): try literal("false"); return made(.bool(false))
        case UInt8(ascii: "n"): try literal("null"); return made(.null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return made(try number())
        default: throw failure("expected a value, found \(describeNext())")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        let matches = index + count <= bytes.count && (0..<count).allSatisfy { bytes[index + $0] == word.utf8Start[$0] }
        guard matches else { throw failure("expected a value, found \(describeNext())") }
        index += count
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONParser.maxDepth { throw failure("nested more than \(JSONParser.maxDepth) levels deep") }
    }

    private mutating func array() throws(Failure) -> JSONValue.Kind {
        try enter()
        index += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw failure("the list is not closed: expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw failure("expected ',' or ']' after a list item, found \(describeNext())")
        }
        depth -= 1
        return .array(items)
    }

    private mutating func object() throws(Failure) -> JSONValue.Kind {
        try enter()
        index += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a quoted key, found \(describeNext())")
            }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw failure("expected ':' after key \(SourceText.quoted(key)), found \(describeNext())")
            }
            index += 1
            skipWhitespace()
            members.append((key, try value()))
            skipWhitespace()
            guard index < bytes.count else { throw failure("the object is not closed: expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw failure("expected ',' or '}' after a member, found \(describeNext())")
        }
        depth -= 1
        return .object(members)
    }

    private mutating func number() throws(Failure) -> JSONValue.Kind {
        let start = index
        func digits() -> Int {
            let from = index
            while index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 { index += 1 }
            return index - from
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let intStart = index
        let intDigits = digits()
        guard intDigits > 0 else { throw failure("a number needs digits", at: start) }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") { throw failure("a number must not start with 0", at: start) }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { throw failure("a number needs digits after '.'", at: start) }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) { index += 1 }
            guard digits() > 0 else { throw failure("a number needs digits in its exponent", at: start) }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw failure("number \(text) is out of range", at: start) }
        return .number(value, text)
    }

    private mutating func string() throws(Failure) -> String {
        let quote = index
        index += 1
        var runStart = index
        var out = ""
        func flush(_ end: Int) {
            if end > runStart { out += String(decoding: bytes[runStart..<end], as: UTF8.self) }
        }
        while true {
            guard index < bytes.count else { throw failure("the string is not closed", at: quote) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(index)
                index += 1
                return out
            }
            if byte < 0x20 {
                throw failure(byte == 0x0A ? "a line break inside a string must be written \\n"
                                           : "a control character inside a string must be escaped")
            }
            if byte != UInt8(ascii: "\\") { index += 1; continue }
            flush(index)
            index += 1
            guard index < bytes.count else { throw failure("the string is not closed", at: quote) }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): out += "\""
            case UInt8(ascii: "\\"): out += "\\"
            case UInt8(ascii: "/"): out += "/"
            case UInt8(ascii: "b"): out += "\u{08}"
            case UInt8(ascii: "f"): out += "\u{0C}"
            case UInt8(ascii: "n"): out += "\n"
            case UInt8(ascii: "r"): out += "\r"
            case UInt8(ascii: "t"): out += "\t"
            case UInt8(ascii: "u"):
                let high = try hex4()
                var scalar = Unicode.Scalar(high)
                if (0xD800...0xDBFF).contains(high), index + 1 < bytes.count,
                   bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hex4()
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                    }
                }
                guard let scalar else { throw failure("\\u escape is not a valid character", at: index - 6) }
                out.unicodeScalars.append(scalar)
            default:
                throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))' in a string", at: index - 2)
            }
            runStart = index
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case 48...57: digit = UInt32(byte - 48)
            case 65...70: digit = UInt32(byte - 55)
            case 97...102: digit = UInt32(byte - 87)
            default: throw failure("\\u needs four hex digits")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }
}
