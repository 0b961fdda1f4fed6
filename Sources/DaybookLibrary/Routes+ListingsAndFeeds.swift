import DaybookContent

/// The URLs of the listing pages (weeks, months, pages of a paginated list), the feeds, search
/// and the site files (sitemap, robots.txt). Root-relative with `base_url`'s path, like the rest
/// of `Routes`.
extension Routes {
    public var atomFeed: String { basePath + "atom.xml" }
    public var jsonFeed: String { basePath + "feed.json" }
    /// The one-item-per-day digest feed.
    public var daysFeed: String { basePath + "days/feed.xml" }
    public var search: String { basePath + "search/" }
    /// The folder of the static search index.
    public var searchIndex: String { basePath + "search/index/" }
    public var sitemap: String { basePath + "sitemap.xml" }
    public var robots: String { basePath + "robots.txt" }

    /// `/weeks/2026-W47/`
    public func week(_ key: String) -> String { basePath + "weeks/" + key + "/" }
    /// `/months/2026-11/`
    public func month(_ key: String) -> String { basePath + "months/" + key + "/" }
    /// `/tags/<tag>/feed.xml`
    public func tagFeed(_ tag: String) -> String { self.tag(tag) + "feed.xml" }

    /// Page `number` (1-based) of a week or month list whose first page is `first`:
    /// `/weeks/2026-W47/`, `/weeks/2026-W47/page/2/`, …
    public func page(_ number: Int, of first: String) -> String {
        number <= 1 ? first : first + "page/\(number)/"
    }

    /// Numbered page `number` of a tag, counted from its oldest papers (`TagPaging`):
    /// `/tags/llm/page/1/` holds the oldest. The newest papers are at the tag's own URL.
    public func tagPage(_ number: Int, of tag: String) -> String {
        self.tag(tag) + "page/\(number)/"
    }
}
