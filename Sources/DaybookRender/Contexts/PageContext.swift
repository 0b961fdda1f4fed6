/// What one page's template reads: one struct per page kind (`HomePageContext`, …), each with
/// its names spelled out in `value(_:)`, over the shared `PageBase`.
public protocol PageContext: RenderObject, Sendable, OptionalTemplateNames {
    var base: PageBase { get }
}

/// Names a context may leave nil, so a template's `{{#name}}` section shows nothing (a day page
/// of the oldest day has no `previous`). Any other name a shipped template reads must have a
/// value; `TemplateNamesTests` checks it.
public protocol OptionalTemplateNames {
    static var optionalNames: Set<String> { get }
}

/// The part every page context shares: `site` (`SiteContext`), `page` (`PageMeta`) and `i18n`
/// (the theme's strings).
public struct PageBase: RenderObject, Sendable {
    public let site: SiteContext
    public let page: PageMeta

    public init(site: SiteContext, page: PageMeta) {
        self.site = site
        self.page = page
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .site: .object(site)
        case .page: .object(page)
        case .i18n: .object(site.i18n)
        default: .none
        }
    }
}
