/// "1 paper", "2 papers": a count with its noun, for page text, titles and feeds.
enum CountLabel {
    /// `count` followed by `noun` (`paper`), or its plural (`nouns`, default `noun` + "s") when not 1.
    static func of(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
    }

    static func papers(_ count: Int) -> String { of(count, "paper") }
}
