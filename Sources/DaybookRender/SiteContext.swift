import DaybookContent
import DaybookLibrary

/// The site-wide template context: what every template can read under `site.` (title, URLs,
/// assets), and the theme's interface strings, which templates read under `i18n.`.
///
/// Every page reads the same values, so they are made once, when the context is made, and kept
/// in one shared object: a page's lookup copies no strings and builds no URL.
public struct SiteContext: RenderObject, Sendable {
    private var storage: Storage

    public init(config: SiteConfig, routes: Routes, strings: InterfaceStrings, bodyEnd: String, mathAssets: Bool = false) {
        storage = Storage(config: config, routes: routes, strings: strings, i18n: InterfaceText(strings), bodyEnd: bodyEnd,
                          mathAssets: mathAssets)
    }

    public var config: SiteConfig { storage.config }
    public var routes: Routes { storage.routes }
    /// The theme's strings in the site's language.
    public var strings: InterfaceStrings { storage.strings }
    /// `strings` as templates read them: `{{i18n.nav.archive}}`.
    public var i18n: InterfaceText { storage.i18n }
    /// Extra markup for the end of `<body>` (the preview server's reload script); empty in builds.
    public var bodyEnd: String { storage.bodyEnd }
    /// Whether KaTeX is served from `assets/katex/` (pages with math load it).
    public var mathAssets: Bool {
        get { storage.mathAssets }
        set {
            storage = Storage(config: config, routes: routes, strings: strings, i18n: i18n, bodyEnd: bodyEnd, mathAssets: newValue)
        }
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .mathAssets: .bool(storage.mathAssets)
        case let key?: RenderValue(storage.texts[key])
        case nil: .none
        }
    }

    private final class Storage: Sendable {
        let config: SiteConfig
        let routes: Routes
        let strings: InterfaceStrings
        let i18n: InterfaceText
        let bodyEnd: String
        let mathAssets: Bool
        /// Every other name's text.
        let texts: [ContextKey: String]

        init(config: SiteConfig, routes: Routes, strings: InterfaceStrings, i18n: InterfaceText, bodyEnd: String, mathAssets: Bool) {
            self.config = config
            self.routes = routes
            self.strings = strings
            self.i18n = i18n
            self.bodyEnd = bodyEnd
            self.mathAssets = mathAssets
            texts = [
                .title: config.title,
                .description: config.description,
                .language: config.language,
                .baseURL: config.baseURL,
                .home: routes.home,
                .feedURL: routes.feed,
                .absoluteFeedURL: routes.absolute(routes.feed),
                .archiveURL: routes.archive,
                .tagsURL: routes.tags,
                .styleURL: routes.asset("style.css"),
                .assetsURL: routes.asset(""),
                .bodyEnd: bodyEnd,
                .atomFeedURL: routes.atomFeed,
                .jsonFeedURL: routes.jsonFeed,
                .daysFeedURL: routes.daysFeed,
                .daysFeedTitle: strings.text(InterfaceKey.digestFeedLink, ["site": config.title]),
                .searchURL: routes.search,
                .searchIndexURL: routes.searchIndex,
                .scriptURL: routes.asset("site.js"),
                .searchScriptURL: routes.asset("search.min.js"),
                .katexStyleURL: routes.asset("katex/katex.min.css"),
                .katexScriptURL: routes.asset("katex/katex.min.js"),
                .mathScriptURL: routes.asset("math.js"),
            ]
        }
    }
}
