import DaybookContent
import Mustache

/// A loaded theme: compiled templates, interface strings in the site's language and the static
/// files to copy to `assets/`.
public struct Theme: Sendable {
    public let name: String
    /// Where the theme was found.
    public let directory: String
    public let templates: MustacheLibrary
    /// `templates` compiled for rendering (`RenderPlanCompiler`); `TemplateRenderer` renders
    /// through them, and through `templates` where a template has no plan.
    public let plans: RenderPlans
    /// A stable hash of every template's name and source as compiled (the theme's, with the
    /// site's `templates/` overrides): part of every page's key in the build cache.
    public let templatesHash: UInt64
    /// Asset files: path relative to `assets/` → absolute source path. Sorted by key when written.
    public let assets: [String: String]
    /// Template names present (without `.mustache`).
    public let templateNames: Set<String>
    /// Interface text in the site's language, from `i18n/<language>.yml`.
    public let strings: InterfaceStrings

    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "day", "paper", "not-found", "archive", "period",
                                           "tags", "tag", "search"]
}
