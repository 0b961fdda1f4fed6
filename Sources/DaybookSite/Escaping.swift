/// Escaping for text from content placed into HTML or XML, done on UTF-8 bytes without Foundation.
public enum Escaping {
    /// Escapes `& < > " '` so the text is safe in element content and quoted attribute values,
    /// in HTML and in XML alike.
    public static func html(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes text for XML and also drops characters XML 1.0 forbids (C0 controls but tab, CR, LF),
    /// so a stray control character in content can never make a feed unparseable.
    public static func xml(_ text: String) -> String {
        let escaped = html(text)
        guard escaped.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return escaped
        }
        return String(decoding: escaped.utf8.filter { !($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) },
                      as: UTF8.self)
    }

    /// Percent-encodes a path segment (a tag or id) for use in a URL: keeps `[A-Za-z0-9._~-]`.
    public static func urlPathSegment(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E:
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }
}
