/// The search page (the search itself runs in the browser, on the search index).
public struct SearchPageContext: PageContext {
    public let base: PageBase
    public let paperCount: Int
    /// "120 papers"
    public let paperCountLabel: String
    /// "Search 120 papers by title, …": the search field's label.
    public let label: String
    /// The search script's messages as JSON (`search.script.*` and `count.papers`, each as its
    /// `one` and `other` forms, placeholders left for the script), for the form's `data-text`.
    public let scriptText: String
    /// The search index's entry (`meta.json`'s text) made safe inside a `<script>` element, or nil
    /// when the renderer was not given it (the page then preloads `meta.json`).
    public let searchEntry: String?

    public static let optionalNames: Set<String> = ["searchEntry"]

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .paperCount: .int(paperCount)
        case .paperCountLabel: .string(paperCountLabel)
        case .label: .string(label)
        case .scriptText: .string(scriptText)
        case .searchEntry: RenderValue(searchEntry)
        default: base.value(name)
        }
    }
}
