/// Escaping for text placed into HTML or XML (pages, feeds, the sitemap, math spans, S3 request
/// bodies), done on UTF-8 bytes without Foundation.
package enum Escaping {
    /// Escapes `& < > " '` so the text is safe in element content and quoted attribute values,
    /// in HTML and in XML alike.
    package static func html(_ text: String) -> String {
        var needs = false
        for byte in text.utf8 where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 {
            needs = true
            break
        }
        guard needs else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count + 16)
        appendHTML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Escapes `& < > " '` for XML text, `'` as `&apos;` (S3's request bodies), keeping control characters.
    package static func xmlText(_ text: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        appendHTML(text.utf8, to: &out, apostrophe: .named)
        return String(decoding: out, as: UTF8.self)
    }

    /// How `'` is written.
    package enum Apostrophe: Sendable {
        /// `&#39;`, understood by every HTML and XML reader (pages, feeds).
        case numeric
        /// `&apos;`, XML's predefined entity (S3 request bodies).
        case named
        /// `'` as it is: the set cmark escapes, for the Markdown renderer's math spans.
        case kept
    }

    /// Appends `bytes` to `out` with `& < > "` escaped, and `'` as `apostrophe` says.
    package static func appendHTML(_ bytes: some Sequence<UInt8>, to out: inout [UInt8], apostrophe: Apostrophe = .numeric) {
        for byte in bytes {
            switch byte {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27 where apostrophe == .numeric: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            case 0x27 where apostrophe == .named: out.append(contentsOf: [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B])  // &apos;
            default: out.append(byte)
            }
        }
    }

    /// Appends `text` to `out` escaped as `html` escapes it, copying the runs between the five
    /// characters whole: the render plans' escaping, where a generic per-byte loop was a tenth of
    /// all build time.
    package static func appendHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                start = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// Escapes text for XML and also drops characters XML 1.0 forbids (C0 controls but tab, CR, LF),
    /// so a stray control character in content can never make a feed unparseable.
    package static func xml(_ text: String) -> String {
        let escaped = html(text)
        guard escaped.utf8.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else {
            return escaped
        }
        return String(decoding: escaped.utf8.filter { !($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) },
                      as: UTF8.self)
    }

    /// Percent-encodes a path segment (a tag or id) for use in a URL: keeps `[A-Za-z0-9._~-]`.
    package static func urlPathSegment(_ text: String) -> String {
        URIEncoding.encode(text)
    }
}
