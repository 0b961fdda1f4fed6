import DaybookContent
import Mustache

/// Renders one page through the theme's templates.
public struct TemplateRenderer: Sendable {
    public let theme: Theme

    public init(theme: Theme) {
        self.theme = theme
    }

    /// Renders `template` with `context`. The template exists: `ThemeLoader` checked the required ones.
    public func render(_ template: String, _ context: PageContext) -> String {
        theme.templates.render(context, withTemplate: template) ?? ""
    }
}
