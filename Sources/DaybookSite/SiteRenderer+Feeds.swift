import DaybookContent

/// Feeds, the sitemap and robots.txt: written by code, from the same library and views as pages.
extension SiteRenderer {
    /// Every feed by output path: RSS, Atom and JSON Feed of the newest papers, one RSS feed per
    /// tag, and the daily digest.
    public func renderFeeds() -> [(path: String, text: String)] {
        mainFeeds() + [digestFeed()] + library.tags.indices.map(tagFeed)
    }

    /// The papers of the main feeds, newest first.
    var feedPapers: [Int] { library.newest(config.feedItems) }

    /// RSS, Atom and JSON Feed of the newest papers.
    func mainFeeds() -> [(path: String, text: String)] {
        let newest = feedPapers.map { views[$0] }
        return [
            (routes.file(for: routes.feed), RSSFeedWriter(config: config, routes: routes, text: feedText).write(newest, selfPath: routes.feed)),
            (routes.file(for: routes.atomFeed), AtomFeedWriter(config: config, routes: routes, text: feedText).write(newest, selfPath: routes.atomFeed)),
            (routes.file(for: routes.jsonFeed), JSONFeedWriter(config: config, routes: routes, text: feedText).write(newest, selfPath: routes.jsonFeed)),
        ]
    }

    /// The days of the daily digest, newest first.
    var digestDays: ArraySlice<Day> { library.days.prefix(config.feedItems) }

    /// The daily digest: one item per day.
    func digestFeed() -> (path: String, text: String) {
        let days = digestDays.map { day in (day: day, papers: papers(on: day)) }
        return (routes.file(for: routes.daysFeed), DigestFeedWriter(config: config, routes: routes, text: feedText).write(days))
    }

    /// The papers of one tag's feed, newest first.
    func tagFeedPapers(_ position: Int) -> ArraySlice<Int> {
        library.tags[position].papers.prefix(config.feedItems)
    }

    /// The RSS feed of one tag.
    func tagFeed(_ position: Int) -> (path: String, text: String) {
        let entry = library.tags[position]
        let path = routes.tagFeed(entry.name)
        let words = feedText.tagFeed(site: config.title, tag: entry.name)
        return (routes.file(for: path), RSSFeedWriter(config: config, routes: routes, text: feedText).write(
            tagFeedPapers(position).map { views[$0] }, selfPath: path, title: words.title,
            link: routes.tag(entry.name), description: words.description))
    }

    /// The words feeds write around the content, in the site's language.
    var feedText: FeedText { FeedText(strings) }

    /// How many items the main feed carries.
    public var feedItemCount: Int { min(config.feedItems, library.papers.count) }
}

extension Routes {
    /// The URL path that serves an output file: the inverse of `file(for:)`.
    public func path(forFile file: String) -> String {
        if file == "index.html" { return basePath }
        if file.hasSuffix("/index.html") { return basePath + file.dropLast("index.html".count) }
        return basePath + file
    }
}
