import DaybookContent

/// The tag index and one page (paginated) per tag.
extension SiteRenderer {
    /// The pages of one tag, paginated by `per_page`.
    func tagJobs(_ position: Int) -> [Job] {
        let entry = library.tags[position]
        let lastmod = entry.papers.first.map { library.papers[$0].day }
        var frame = StableHasher()
        frame.combine(entry.name)
        frame.combine(entry.papers.count)
        let hash = frame.finalize()
        return Pagination.pages(total: entry.papers.count, perPage: config.perPage,
                                first: routes.tag(entry.name), routes: routes).map { pagination in
            Job(path: routes.file(for: pagination.url), make: { renderTag(position, pagination) },
                lastmod: lastmod, shows: entry.papers[pagination.range], frame: hash)
        }
    }

    func tagLink(_ entry: Library.TagEntry) -> TagLink {
        TagLink(name: entry.name, url: routes.tag(entry.name), count: entry.papers.count)
    }

    func renderTagIndex() -> String {
        let tags = library.tags.map(tagLink)
        let page = PageMeta(title: "Tags · \(config.title)",
                            description: "\(tags.count == 1 ? "The one tag" : "All \(tags.count) tags") of \(config.title), with their paper counts.",
                            canonical: routes.absolute(routes.tags))
        return templates.render("tags", PageContext(site: site, page: page, values: [
            "tags": tags, "tagCount": tags.count, "tagCountLabel": CountLabel.of(tags.count, "tag"),
        ]))
    }

    func renderTag(_ position: Int, _ pagination: Pagination) -> String {
        let entry = library.tags[position]
        let papers = cardList(entry.papers[pagination.range])
        let pageSuffix = pagination.number > 1 ? " (page \(pagination.number) of \(pagination.count))" : ""
        var page = PageMeta(title: "Papers tagged \u{201C}\(entry.name)\u{201D}\(pageSuffix) · \(config.title)",
                            description: "\(entry.papers.count == 1 ? "One paper" : "\(entry.papers.count) papers") tagged \(entry.name), newest first.",
                            canonical: routes.absolute(pagination.url), hasMath: papers.contains { $0.view.hasMath })
        let feed = FeedLink(title: "\(config.title): \(entry.name) (RSS)", url: routes.tagFeed(entry.name))
        page.feeds = [feed]
        return templates.render("tag", PageContext(site: site, page: page, values: [
            "tag": tagLink(entry),
            "feed": feed,
            "papers": papers,
            "pagination": pagination,
        ]))
    }

    /// Week, month and tag pages.
    func readerJobs() -> [Job] {
        periodJobs() + library.tags.indices.flatMap(tagJobs)
    }

    func renderSearch() -> String {
        let page = PageMeta(title: "Search · \(config.title)",
                            description: "Search \(library.papers.count) papers by title, author, tag and abstract.",
                            canonical: routes.absolute(routes.search))
        return templates.render("search", PageContext(site: site, page: page, values: [
            "paperCount": library.papers.count, "paperCountLabel": CountLabel.papers(library.papers.count),
        ]))
    }
}
