import DaybookContent
import Mustache

/// Renders one page through the theme's templates.
public struct TemplateRenderer: Sendable {
    public let theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    /// A paper's card (`paper-card.mustache`) without its final line break, which the list
    /// template's own line gives back.
    func card(_ view: PaperView, site: SiteContext) -> String {
        let context = PaperCard.Context(site: site, paper: LocalizedPaper(view, strings: site.strings))
        var html = theme.templates.render(context, withTemplate: "paper-card") ?? ""
        if html.utf8.last == UInt8(ascii: "\n") { html.removeLast() }
        return html
    }

    /// Renders `template` with `context`. The template exists: `ThemeLoader` checked the required ones.
    public func render(_ template: String, _ context: some PageContext) -> String {
        theme.templates.render(context, withTemplate: template) ?? ""
    }
}
