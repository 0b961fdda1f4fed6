/// "1 paper", "2 papers" in English: for the feeds, which are still written in English. Pages
/// count with the theme's strings (`count.papers` in `i18n/<language>.yml`).
enum CountLabel {
    /// `count` followed by `noun` (`paper`), or its plural (`nouns`, default `noun` + "s") when not 1.
    static func of(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(plural ?? noun + "s")"
    }

    static func papers(_ count: Int) -> String { of(count, "paper") }
}
