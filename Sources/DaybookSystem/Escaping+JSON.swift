extension Escaping {
    /// A JSON string literal, quotes included. `<`, `>` and `&` are written as `\u003c`, `\u003e`,
    /// `\u0026`, so the result is also safe inside an HTML `<script>` element.
    package static func json(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 2)
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x0D: out += [0x5C, 0x72]
            case 0x09: out += [0x5C, 0x74]
            case 0x00..<0x20, 0x3C, 0x3E, 0x26:
                out += [0x5C, 0x75, 0x30, 0x30, Hex.lowerDigits[Int(byte >> 4)], Hex.lowerDigits[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// A JSON array of strings.
    package static func json(_ texts: [String]) -> String {
        "[" + texts.map { json($0) }.joined(separator: ",") + "]"
    }
}
