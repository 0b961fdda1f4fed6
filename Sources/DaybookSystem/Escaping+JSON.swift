extension Escaping {
    /// A JSON string literal, quotes included. `<`, `>` and `&` are written as `\u003c`, `\u003e`,
    /// `\u0026`, so the result is also safe inside an HTML `<script>` element.
    package static func json(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        json(text.utf8, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the JSON string literal of `text` (UTF-8, as `json(_:)` writes it) to `out`.
    package static func json<Text: Sequence<UInt8>>(_ text: Text, into out: inout [UInt8]) {
        out.append(0x22)
        let done: Void? = text.withContiguousStorageIfAvailable { bytes in
            // Runs that need no escape are copied whole.
            var run = 0
            for position in bytes.indices where needsJSONEscape(bytes[position]) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                jsonEscape(bytes[position], into: &out)
                run = position + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        if done == nil {
            for byte in text {
                if needsJSONEscape(byte) { jsonEscape(byte, into: &out) } else { out.append(byte) }
            }
        }
        out.append(0x22)
    }

    /// Whether `json` writes `byte` other than as itself (inlinable: other modules call it per byte).
    @inlinable
    package static func needsJSONEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26
    }

    /// Appends `json`'s escape of a byte that needs one.
    package static func jsonEscape(_ byte: UInt8, into out: inout [UInt8]) {
        switch byte {
        case 0x22: out += [0x5C, 0x22]
        case 0x5C: out += [0x5C, 0x5C]
        case 0x0A: out += [0x5C, 0x6E]
        case 0x0D: out += [0x5C, 0x72]
        case 0x09: out += [0x5C, 0x74]
        default: out += [0x5C, 0x75, 0x30, 0x30, Hex.lowerDigits[Int(byte >> 4)], Hex.lowerDigits[Int(byte & 0xF)]]
        }
    }

    /// A JSON array of strings.
    package static func json(_ texts: [String]) -> String {
        "[" + texts.map { json($0) }.joined(separator: ",") + "]"
    }
}
