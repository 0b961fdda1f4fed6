/// Double-quoted YAML scalars that read back as exactly the same string.
///
/// Double quotes are the one YAML style in which every string is safe: no indicator
/// (`:`, `#`, `- `, `[`, `@`, `*`) and no plain word (`yes`, `null`, `1.0`) has a meaning inside them.
/// Backslash, quote and every character YAML does not allow printed are escaped.
public enum YAMLQuoting {
    public static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x00: out += "\\0"
            case 0x85: out += "\\N"
            case 0x2028: out += "\\L"
            case 0x2029: out += "\\P"
            case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                out.unicodeScalars.append(scalar)
            default:
                // C0 and C1 controls, DEL, the byte-order mark, U+FFFE and U+FFFF.
                out += scalar.value <= 0xFF ? "\\x" + hex(scalar.value, 2) : "\\u" + hex(scalar.value, 4)
            }
        }
        out += "\""
        return out
    }

    private static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
