import DaybookContent
import Mustache

/// The site-wide values every template can read under `site.`.
public struct SiteView: MustacheParent, Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// Extra markup for the end of `<body>` (the preview server's reload script); empty in builds.
    public let bodyEnd: String

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return config.title
        case "description": return config.description
        case "language": return config.language
        case "baseURL": return config.baseURL
        case "home": return routes.home
        case "feedURL": return routes.feed
        case "absoluteFeedURL": return routes.absolute(routes.feed)
        case "archiveURL": return routes.archive
        case "tagsURL": return routes.tags
        case "styleURL": return routes.asset("style.css")
        case "assetsURL": return routes.asset("")
        case "bodyEnd": return bodyEnd
        default: return nil
        }
    }
}

/// The values one page's template reads: `site`, `page` (title, description, canonical URL) and
/// whatever the page kind adds (`papers`, `paper`, `previous`, …).
public struct PageContext: MustacheParent, @unchecked Sendable {
    public let site: SiteView
    public let page: PageMeta
    public let values: [String: Any]

    public init(site: SiteView, page: PageMeta, values: [String: Any] = [:]) {
        self.site = site
        self.page = page
        self.values = values
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "site": return site
        case "page": return page
        default: return values[name]
        }
    }
}

/// Head metadata of one page.
public struct PageMeta: MustacheParent, Sendable {
    public let title: String
    public let description: String
    /// Absolute canonical URL.
    public let canonical: String
    public let hasMath: Bool

    public init(title: String, description: String, canonical: String, hasMath: Bool = false) {
        self.title = title
        self.description = description
        self.canonical = canonical
        self.hasMath = hasMath
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        case "canonical": return canonical
        case "hasMath": return hasMath
        default: return nil
        }
    }
}
