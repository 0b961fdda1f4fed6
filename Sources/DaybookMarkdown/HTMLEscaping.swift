/// HTML escaping and the markup around math, on UTF-8 bytes.
enum HTMLEscaping {
    /// Appends `bytes` with `&`, `<`, `>` and `"` escaped (the set cmark escapes).
    static func append<S: Sequence<UInt8>>(escaping bytes: S, to out: inout [UInt8]) {
        for c in bytes {
            switch c {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            default: out.append(c)
            }
        }
    }

    /// `<span class="math inline">\(tex\)</span>` (display: `math display` and `\[tex\]`), the TeX escaped.
    static func appendMath(_ tex: String, display: Bool, to out: inout [UInt8]) {
        out.append(contentsOf: display ? #"<span class="math display">\["#.utf8 : #"<span class="math inline">\("#.utf8)
        append(escaping: tex.utf8, to: &out)
        out.append(contentsOf: display ? #"\]</span>"#.utf8 : #"\)</span>"#.utf8)
    }

    static func math(_ tex: String, display: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(tex.utf8.count + 48)
        appendMath(tex, display: display, to: &out)
        return out
    }
}
