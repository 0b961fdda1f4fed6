/// Tag rules shared by records and imports: tags keep their case as written, are trimmed with
/// inner whitespace collapsed, and a tag repeated in another case is dropped (the first spelling wins).
public enum TagList {
    public static func normalized(_ tags: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        out.reserveCapacity(tags.count)
        for tag in tags {
            let clean = SourceText.collapsingWhitespace(tag)
            guard !clean.isEmpty, seen.insert(clean.lowercased()).inserted else { continue }
            out.append(clean)
        }
        return out
    }
}
