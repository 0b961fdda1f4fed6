/// Explains why a text is not a valid paper id (see `PaperID`), for error messages.
enum PaperIDProblem {
    /// nil when `id` is valid; else the problem, phrased to follow the field name: `'id' <problem>`.
    static func find(in id: String) -> String? {
        if PaperID.isValid(id) && !hasVersion(id) { return nil }
        if hasVersion(id) {
            let bare = String(id[..<id.lastIndex(of: "v")!])
            return "must not carry a version, got \(SourceText.quoted(id)) (use \(SourceText.quoted(bare)))"
        }
        var message = "must be an arXiv id (2405.01234, hep-ex/0307015) or a slug of a-z, 0-9, '.', '_', '-', got \(SourceText.quoted(id))"
        let slug = PaperID.slug(fromTitle: id)
        if !id.isEmpty, slug != "untitled", slug != id { message += " (try \(SourceText.quoted(slug)))" }
        return message
    }

    /// `2405.01234v2` or `hep-ex/0307015v1`: an arXiv id followed by `v` and digits.
    static func hasVersion(_ id: String) -> Bool {
        guard let v = id.lastIndex(of: "v") else { return false }
        let digits = id[id.index(after: v)...]
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        return PaperID.isArxiv(String(id[..<v]))
    }
}
