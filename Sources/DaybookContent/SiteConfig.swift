/// `daybook.yml`: the site's settings. Every key has a default, so a folder with only `content/` builds.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Absolute, ends with `/`, may have a path: `https://example.org/papers/`.
    public var baseURL: String
    /// BCP 47 language tag for `<html lang>` and feeds.
    public var language: String
    public var theme: String
    /// Where `theme` was set in the config file (0 when it was not), for "theme not found".
    public var themeLine = 0
    public var themeColumn = 0
    /// Output folder, relative to the site root.
    public var output: String
    /// How many papers the main feeds carry.
    public var feedItems: Int
    /// Papers per page on long lists.
    public var perPage: Int
    /// What `daybook fetch` brings in, in the order given.
    public var sources: [FetchSource] = []
    /// An email address or URL named in `daybook fetch`'s User-Agent (arXiv asks for one).
    public var contact: String?

    public init(title: String = "Daily Papers", description: String = "A daily digest of research papers.",
                baseURL: String = "http://localhost:8000/", language: String = "en", theme: String = "default",
                output: String = "site", feedItems: Int = 50, perPage: Int = 50) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.language = language
        self.theme = theme
        self.output = output
        self.feedItems = feedItems
        self.perPage = perPage
    }

    /// The path part of `baseURL`, starting and ending with `/` (`/papers/`, or `/`).
    public var basePath: String {
        let parts = baseURL.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        // ["https:", "", "host", "path/…"]
        guard parts.count == 4, parts[0].hasSuffix(":"), parts[1].isEmpty else { return "/" }
        return "/" + parts[3]
    }

    /// `baseURL` with a trailing `/`.
    public static func normalizedBaseURL(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }

    /// Whether `url` can be a base URL: absolute http(s), with a host and no spaces.
    public static func isValidBaseURL(_ url: String) -> Bool {
        YAMLFieldReader.isHTTPURL(url)
    }
}
