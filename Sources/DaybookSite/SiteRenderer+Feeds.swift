import DaybookContent

/// Feeds, the sitemap and robots.txt: written by code, from the same library and views as pages.
extension SiteRenderer {
    /// Every feed by output path: RSS, Atom and JSON Feed of the newest papers, one RSS feed per
    /// tag, and the daily digest.
    public func renderFeeds() -> [(path: String, text: String)] {
        let newest = library.newest(config.feedItems).map { views[$0] }
        let rss = RSSFeedWriter(config: config, routes: routes)
        var feeds: [(path: String, text: String)] = [
            (routes.file(for: routes.feed), rss.write(newest, selfPath: routes.feed)),
            (routes.file(for: routes.atomFeed), AtomFeedWriter(config: config, routes: routes).write(newest, selfPath: routes.atomFeed)),
            (routes.file(for: routes.jsonFeed), JSONFeedWriter(config: config, routes: routes).write(newest, selfPath: routes.jsonFeed)),
        ]
        let days = library.days.prefix(config.feedItems).map { day in (day: day, papers: papers(on: day)) }
        feeds.append((routes.file(for: routes.daysFeed), DigestFeedWriter(config: config, routes: routes).write(days)))
        for entry in library.tags {
            let items = entry.papers.prefix(config.feedItems).map { views[$0] }
            let path = routes.tagFeed(entry.name)
            feeds.append((routes.file(for: path), rss.write(items, selfPath: path, title: "\(config.title): \(entry.name)",
                                                             link: routes.tag(entry.name),
                                                             description: "Papers tagged \(entry.name) on \(config.title).")))
        }
        return feeds
    }

    /// How many items the main feed carries.
    public var feedItemCount: Int { min(config.feedItems, library.papers.count) }

    /// `sitemap.xml` (every page but the 404 page, lastmod from content) and `robots.txt`.
    public func renderSitemap() -> [(path: String, text: String)] {
        let entries = pageJobs().filter(\.listed).map {
            SitemapWriter.Entry(path: routes.path(forFile: $0.path), lastmod: $0.lastmod)
        }
        let writer = SitemapWriter(routes: routes)
        return writer.write(entries) + [(routes.file(for: routes.robots), writer.robots())]
    }
}

extension Routes {
    /// The URL path that serves an output file: the inverse of `file(for:)`.
    public func path(forFile file: String) -> String {
        if file == "index.html" { return basePath }
        if file.hasSuffix("/index.html") { return basePath + file.dropLast("index.html".count) }
        return basePath + file
    }
}
