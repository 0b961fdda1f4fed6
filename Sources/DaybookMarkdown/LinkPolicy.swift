/// Which link and image URLs may reach the page.
///
/// Allowed: URLs without a scheme (relative), `http`, `https`, `mailto`, `ftp`; for images also
/// `data:image/png|gif|jpeg|webp`. Everything else (`javascript:`, `vbscript:`, `data:text/html`,
/// `file:` …) is refused. The scheme is read as a browser would: ASCII whitespace and control
/// characters anywhere are ignored and case does not matter.
enum LinkPolicy {
    static func allows(_ url: String, image: Bool) -> Bool {
        var scheme: [UInt8] = []
        var rest: [UInt8] = []
        var inScheme = true
        for c in url.utf8 where c > 0x20 && c != 0x7F {
            if inScheme {
                if c == 0x3A { inScheme = false; continue }
                if c == 0x2F || c == 0x3F || c == 0x23 { return true } // a path, query or fragment: no scheme
                scheme.append(c | (MathProtector.isLetter(c) ? 0x20 : 0))
            } else {
                rest.append(c | (MathProtector.isLetter(c) ? 0x20 : 0))
                if rest.count >= 16 { break }
            }
        }
        if inScheme || !isScheme(scheme) { return true }
        switch String(decoding: scheme, as: UTF8.self) {
        case "http", "https", "mailto", "ftp": return true
        case "data":
            guard image else { return false }
            let media = String(decoding: rest, as: UTF8.self)
            return ["image/png", "image/gif", "image/jpeg", "image/webp"].contains { type in
                media.hasPrefix(type) && (media.utf8.count == type.utf8.count
                    || [0x3B, 0x2C].contains(media.utf8[media.utf8.index(media.utf8.startIndex, offsetBy: type.utf8.count)]))
            }
        default: return false
        }
    }

    /// RFC 3986: a letter, then letters, digits, `+`, `-`, `.`.
    static func isScheme<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        guard let first = bytes.first, MathProtector.isLetter(first) else { return false }
        return bytes.allSatisfy { c in
            MathProtector.isLetter(c) || MathProtector.isDigit(c) || c == 0x2B || c == 0x2D || c == 0x2E
        }
    }
}
