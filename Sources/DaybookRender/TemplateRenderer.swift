import DaybookContent
import Mustache

/// Renders one page through the theme's templates: by their compiled plans (`RenderPlans`), and
/// through swift-mustache where a template has none, with the same bytes either way.
public struct TemplateRenderer: Sendable {
    public let theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    /// A paper's card (`paper-card.mustache`) without its final line break, which the list
    /// template's own line gives back.
    func card(_ paper: LocalizedPaper, site: SiteContext) -> String {
        let context = PaperCard.Context(site: site, paper: paper)
        var html = render(template: "paper-card", context, capacity: 2_048).map { String(decoding: $0, as: UTF8.self) } ?? ""
        if html.utf8.last == UInt8(ascii: "\n") { html.removeLast() }
        return html
    }

    /// Renders `template` with `context` into the page's UTF-8 bytes. The template exists:
    /// `ThemeLoader` checked the required ones.
    public func render(_ template: String, _ context: some PageContext) -> [UInt8] {
        render(template: template, context, capacity: 32_768) ?? []
    }

    /// `template` rendered with `context`; nil when the theme has no such template.
    private func render(template: String, _ context: some RenderObject, capacity: Int) -> [UInt8]? {
        theme.plans.renderBytes(template, .object(context), capacity: capacity)
            ?? theme.templates.render(context, withTemplate: template).map { Array($0.utf8) }
    }
}
