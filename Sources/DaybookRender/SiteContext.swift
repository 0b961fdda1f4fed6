import DaybookContent
import DaybookLibrary
import Mustache

/// The site-wide template context: what every template can read under `site.` (title, URLs,
/// assets), and the theme's interface strings, which templates read under `i18n.`.
public struct SiteContext: MustacheParent, Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// The theme's strings in the site's language.
    public let strings: InterfaceStrings
    /// `strings` as templates read them: `{{i18n.nav.archive}}`.
    public let i18n: InterfaceText
    /// Extra markup for the end of `<body>` (the preview server's reload script); empty in builds.
    public let bodyEnd: String
    /// Whether KaTeX is served from `assets/katex/` (pages with math load it).
    public var mathAssets = false

    public init(config: SiteConfig, routes: Routes, strings: InterfaceStrings, bodyEnd: String, mathAssets: Bool = false) {
        self.config = config
        self.routes = routes
        self.strings = strings
        self.i18n = InterfaceText(strings)
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
        case "daysFeedTitle": return strings.text(InterfaceKey.digestFeedLink, ["site": config.title])
        case "searchURL": return routes.search
        case "searchIndexURL": return routes.searchIndex
        case "scriptURL": return routes.asset("site.js")
        case "searchScriptURL": return routes.asset("search.min.js")
        case "mathAssets": return mathAssets
        case "katexStyleURL": return routes.asset("katex/katex.min.css")
        case "katexScriptURL": return routes.asset("katex/katex.min.js")
        case "mathScriptURL": return routes.asset("math.js")
        default: return nil
        }
    }
}
