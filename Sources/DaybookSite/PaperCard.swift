import Mustache

/// A paper in a list page: its view, plus its card (`paper-card.mustache`) rendered once per
/// build as `cardHTML`. The theme's list pages insert `{{{cardHTML}}}` rather than rendering the
/// partial for every list a paper is on (its day, week, month, tags and the home page); a theme
/// may still use `{{>paper-card}}`, and every name of the view is available as before.
public struct PaperCard: MustacheParent, Sendable {
    public let view: PaperView
    public let html: String

    public func child(named name: String) -> Any? {
        name == "cardHTML" ? html : view.child(named: name)
    }

    /// What a card is rendered with: the paper's names and `site`.
    struct Context: MustacheParent {
        let site: SiteView
        let view: PaperView

        func child(named name: String) -> Any? {
            name == "site" ? site : view.child(named: name)
        }
    }
}
