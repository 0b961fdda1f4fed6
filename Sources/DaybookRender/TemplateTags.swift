/// The tags of a Mustache template's source, each without its braces (`#papers`, `site.title`,
/// `{cardHTML` for a triple-brace tag): for checks on what a template reads.
enum TemplateTags {
    static func tags(in source: String) -> [String] {
        var out: [String] = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            rest = rest[open.upperBound...]
            guard let close = rest.range(of: "}}") else { break }
            var tag = String(rest[..<close.lowerBound])
            rest = rest[close.upperBound...]
            if tag.hasPrefix("{") {  // {{{name}}}: the third brace closes after the two
                tag = String(tag.dropFirst())
                if rest.hasPrefix("}") { rest = rest.dropFirst() }
            }
            out.append(tag)
        }
        return out
    }
}
