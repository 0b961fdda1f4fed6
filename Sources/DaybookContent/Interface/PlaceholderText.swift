/// Fills `{name}` placeholders in interface text (`"Papers of {date}"`). A placeholder whose name
/// is not given stays as written, so a template can place markup there (see `Phrase`).
public enum PlaceholderText {
    public static func fill(_ pattern: String, _ values: [String: String]) -> String {
        guard pattern.utf8.contains(UInt8(ascii: "{")) else { return pattern }
        var out = ""
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { return out + rest[open...] }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] { out += value } else { out += rest[open...close] }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The text around the placeholders left in `text`: `before` the first, `between` the first
    /// and the second, `after` the last. Text without placeholders is all `before`.
    public static func parts(_ text: String) -> (before: String, between: String, after: String) {
        var pieces: [Substring] = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pieces.append(rest[..<open])
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(rest)
        guard pieces.count > 1 else { return (text, "", "") }
        return (String(pieces[0]), pieces.count > 2 ? String(pieces[1]) : "", String(pieces[pieces.count - 1]))
    }
}
