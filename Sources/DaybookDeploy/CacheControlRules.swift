/// `Cache-Control` by path: the first rule whose glob matches wins; no match sends no header.
public struct CacheControlRules: Sendable, Hashable {
    public struct Rule: Sendable, Hashable {
        public var glob: Glob
        public var value: String

        public init(_ glob: String, _ value: String) {
            self.glob = Glob(glob)
            self.value = value
        }
    }

    public var rules: [Rule]

    public init(_ rules: [Rule]) {
        self.rules = rules
    }

    public func cacheControl(forPath path: String) -> String? {
        rules.first { $0.glob.matches(path) }?.value
    }

    /// Fingerprinted assets (a name with 8+ hex digits between dots, `app.3f2a9c1b.css`) for a
    /// year, immutable; HTML, feeds, sitemap and other data for 5 minutes; other files for an hour.
    public static let defaults = CacheControlRules([
        Rule("**/*.[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]*.*",
             "public, max-age=31536000, immutable"),
        Rule("**/*.{html,htm,xml,json,txt,rss,atom}", "public, max-age=300, must-revalidate"),
        Rule("**", "public, max-age=3600"),
    ])
}
