/// The order files go up in, so the remote site stays whole at every moment: a page only goes
/// up once every asset it may use is there, and feeds and the sitemap only once the pages they
/// point to are. Deletions come after all of them.
public enum DeployPhase: Int, Sendable, Hashable, Comparable, CaseIterable, CustomStringConvertible {
    /// Styles, scripts, fonts, images, the search index: anything a page loads.
    case assets
    /// `*.html`.
    case pages
    /// `*.xml` (feeds, sitemap), `feed.json`-style feeds and `robots.txt`.
    case feeds

    public static func phase(forPath path: String) -> DeployPhase {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let lower = name.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .pages }
        if lower.hasSuffix(".xml") || lower.hasSuffix(".rss") || lower.hasSuffix(".atom")
            || lower == "robots.txt" || (lower.hasSuffix(".json") && lower.contains("feed")) {
            return .feeds
        }
        return .assets
    }

    public static func < (lhs: DeployPhase, rhs: DeployPhase) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .assets: "assets"
        case .pages: "pages"
        case .feeds: "feeds and sitemap"
        }
    }
}
