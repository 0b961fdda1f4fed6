import DaybookContent
import DaybookLibrary
import DaybookSystem

/// Feeds, the sitemap and robots.txt: written by code, from the same library and views as pages.
extension SiteRenderer {
    /// Every feed as a job, in a fixed order: RSS, Atom and JSON Feed of the newest papers, the
    /// daily digest, and one RSS feed per tag. Feeds are not in the sitemap.
    package func feedJobs() -> [Job] {
        let newest = library.newest(config.feedItems)
        var main = StableHasher()
        main.combine("main feeds")
        let mainFrame = main.finalize()
        var jobs = [
            Job(path: routes.file(for: routes.feed), make: { site in
                Array(RSSFeedWriter(config: site.config, routes: site.routes, text: site.feedText)
                    .write(newest.map { site.views[$0] }, selfPath: site.routes.feed).utf8)
            }, listed: false, shows: newest[...], frame: mainFrame),
            Job(path: routes.file(for: routes.atomFeed), make: { site in
                Array(AtomFeedWriter(config: site.config, routes: site.routes, text: site.feedText)
                    .write(newest.map { site.views[$0] }, selfPath: site.routes.atomFeed).utf8)
            }, listed: false, shows: newest[...], frame: mainFrame),
            Job(path: routes.file(for: routes.jsonFeed), make: { site in
                Array(JSONFeedWriter(config: site.config, routes: site.routes, text: site.feedText)
                    .write(newest.map { site.views[$0] }, selfPath: site.routes.jsonFeed).utf8)
            }, listed: false, shows: newest[...], frame: mainFrame),
            digestJob(),
        ]
        for position in library.tags.indices { jobs.append(tagFeedJob(position)) }
        return jobs
    }

    /// The daily digest: one item per day, for the newest `feed_items` days.
    func digestJob() -> Job {
        let days = library.days.prefix(config.feedItems)
        var frame = StableHasher()
        frame.combine("digest")
        for day in days {
            frame.combine(day)
            frame.combine(library.papersByDay[day]?.count)
        }
        return Job(path: routes.file(for: routes.daysFeed), make: { site in
            Array(DigestFeedWriter(config: site.config, routes: site.routes, text: site.feedText)
                .write(days.map { day in (day: day, papers: site.papers(on: day)) }).utf8)
        }, listed: false, shows: days.flatMap { library.papersByDay[$0] ?? [] }[...], frame: frame.finalize())
    }

    /// The RSS feed of one tag: its newest `feed_items` papers.
    func tagFeedJob(_ position: Int) -> Job {
        let entry = library.tags[position]
        let path = routes.tagFeed(entry.name)
        let shown = entry.papers.prefix(config.feedItems)
        var frame = StableHasher()
        frame.combine("tag feed")
        frame.combine(entry.name)
        return Job(path: routes.file(for: path), make: { site in
            let words = site.feedText.tagFeed(site: site.config.title, tag: entry.name)
            return Array(RSSFeedWriter(config: site.config, routes: site.routes, text: site.feedText).write(
                shown.map { site.views[$0] }, selfPath: path, title: words.title, link: site.routes.tag(entry.name),
                description: words.description).utf8)
        }, listed: false, shows: shown, frame: frame.finalize())
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
