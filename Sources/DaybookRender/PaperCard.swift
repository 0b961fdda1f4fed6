/// A paper in a list page: its view, plus its card (`paper-card.mustache`) rendered once per
/// build as `cardHTML`. The theme's list pages insert `{{{cardHTML}}}` rather than rendering the
/// partial for every list a paper is on (its day, week, month, tags and the home page); a theme
/// may still use `{{>paper-card}}`, and every name of the paper is available as before.
public struct PaperCard: RenderObject, Sendable, OptionalTemplateNames {
    public let paper: LocalizedPaper
    public let html: String

    public static var optionalNames: Set<String> { LocalizedPaper.optionalNames }

    public var view: PaperView { paper.view }

    public func value(_ name: ContextName) -> RenderValue {
        name.key == .cardHTML ? .string(html) : paper.value(name)
    }

    /// What a card is rendered with: the paper's names, `site` and `i18n`.
    struct Context: RenderObject, OptionalTemplateNames {
        static var optionalNames: Set<String> { LocalizedPaper.optionalNames }

        let site: SiteContext
        let paper: LocalizedPaper

        func value(_ name: ContextName) -> RenderValue {
            switch name.key {
            case .site: .object(site)
            case .i18n: .object(site.i18n)
            default: paper.value(name)
            }
        }
    }
}
