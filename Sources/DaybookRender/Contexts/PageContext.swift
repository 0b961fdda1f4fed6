import Mustache

/// What one page's template reads: one struct per page kind (`HomePageContext`, …), each with
/// its names spelled out in `child(named:)`, over the shared `PageBase`.
public protocol PageContext: MustacheParent, Sendable, OptionalTemplateNames {
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
public struct PageBase: Sendable {
    public let site: SiteContext
    public let page: PageMeta

    public init(site: SiteContext, page: PageMeta) {
        self.site = site
        self.page = page
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        case "i18n": return site.i18n
        default: return nil
        }
    }
}
