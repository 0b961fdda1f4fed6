import DaybookContent
import Mustache

/// The site-wide values every template can read under `site.`.
public struct SiteView: MustacheParent, Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// Extra markup for the end of `<body>` (the preview server's reload script); empty in builds.
    public let bodyEnd: String
    /// Whether KaTeX is served from `assets/katex/` (pages with math load it).
    public var mathAssets = false

    public init(config: SiteConfig, routes: Routes, bodyEnd: String, mathAssets: Bool = false) {
        self.config = config
        self.routes = routes
        self.bodyEnd = bodyEnd
        self.mathAssets = mathAssets
    }

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
        case "atomFeedURL": return routes.atomFeed
        case "jsonFeedURL": return routes.jsonFeed
        case "daysFeedURL": return routes.daysFeed
        case "searchURL": return routes.search
        case "searchIndexURL": return routes.searchIndex
        case "scriptURL": return routes.asset("site.js")
        case "searchScriptURL": return routes.asset("search.js")
        case "mathAssets": return mathAssets
        case "katexStyleURL": return routes.asset("katex/katex.min.css")
        case "katexScriptURL": return routes.asset("katex/katex.min.js")
        case "mathScriptURL": return routes.asset("math.js")
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
    /// Open Graph type: `website`, or `article` for a paper.
    public var type = "website"
    /// A JSON-LD document for `<script type="application/ld+json">`, already safe to embed.
    public var jsonLD: String?
    /// Feeds about this page's subject (a tag's feed), announced beside the site's.
    public var feeds: [FeedLink] = []

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
        case "type": return type
        case "jsonLD": return jsonLD
        case "feeds": return feeds
        default: return nil
        }
    }
}

/// A feed announced with `<link rel="alternate">`.
public struct FeedLink: MustacheParent, Sendable {
    public let title: String
    public let url: String
    public let type: String

    public init(title: String, url: String, type: String = "application/rss+xml") {
        self.title = title
        self.url = url
        self.type = type
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "type": return type
        default: return nil
        }
    }
}
