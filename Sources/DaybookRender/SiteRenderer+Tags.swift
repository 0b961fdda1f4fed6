import DaybookContent
import DaybookLibrary
import DaybookSystem

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
            Job(path: routes.file(for: pagination.url), make: { $0.renderTag(position, pagination) },
                lastmod: lastmod, shows: entry.papers[pagination.range], frame: hash)
        }
    }

    func tagLink(_ entry: Library.TagEntry) -> TagLink {
        TagLink(name: entry.name, url: routes.tag(entry.name), count: entry.papers.count,
                countLabel: strings.count(InterfaceKey.papers, entry.papers.count))
    }

    func renderTagIndex() -> [UInt8] { templates.render("tags", tagIndexContext()) }

    func tagIndexContext() -> TagIndexPageContext {
        let tags = library.tags.map(tagLink)
        let page = PageMeta(title: strings.text(InterfaceKey.tagsTitle, ["site": config.title]),
                            description: strings.count(InterfaceKey.tagsDescription, tags.count, ["site": config.title]),
                            canonical: routes.absolute(routes.tags))
        let label = strings.count(InterfaceKey.tags, tags.count)
        return TagIndexPageContext(base: base(page), tags: tags, tagCountLabel: label,
                                   lede: strings.text(InterfaceKey.tagsLede, ["tags": label]))
    }

    func renderTag(_ position: Int, _ pagination: Pagination) -> [UInt8] {
        templates.render("tag", tagContext(position, pagination))
    }

    func tagContext(_ position: Int, _ pagination: Pagination) -> TagPageContext {
        let entry = library.tags[position]
        let papers = cardList(entry.papers[pagination.range])
        let number = String(pagination.number), count = String(pagination.count)
        let paged = pagination.number > 1 ? strings.text(InterfaceKey.paged, ["number": number, "count": count]) : ""
        var page = PageMeta(title: strings.text(InterfaceKey.tagTitle, ["tag": entry.name, "paged": paged, "site": config.title]),
                            description: strings.count(InterfaceKey.tagDescription, entry.papers.count, ["tag": entry.name]),
                            canonical: routes.absolute(pagination.url), hasMath: papers.contains { $0.view.hasMath })
        let feed = FeedLink(title: strings.text(InterfaceKey.tagFeedTitle, ["site": config.title, "tag": entry.name]),
                            url: routes.tagFeed(entry.name))
        page.feeds = [feed]
        let link = tagLink(entry)
        let lede = strings.text(pagination.count > 1 ? InterfaceKey.tagLedePaged : InterfaceKey.tagLede,
                                ["papers": link.countLabel ?? "", "number": number, "count": count])
        return TagPageContext(base: base(page), tag: link, feed: feed, papers: papers, pagination: pagination,
                              pagePosition: pagePosition(pagination), lede: lede)
    }

    /// Week, month and tag pages.
    func readerJobs() -> [Job] {
        periodJobs() + library.tags.indices.flatMap(tagJobs)
    }

    func searchPage() -> [UInt8] { templates.render("search", searchContext()) }

    /// The search page as text.
    package func renderSearch() -> String { String(decoding: searchPage(), as: UTF8.self) }

    func searchContext() -> SearchPageContext {
        let page = PageMeta(title: strings.text(InterfaceKey.searchTitle, ["site": config.title]),
                            description: strings.text(InterfaceKey.searchDescription, ["count": String(library.papers.count)]),
                            canonical: routes.absolute(routes.search))
        let papers = strings.count(InterfaceKey.papers, library.papers.count)
        return SearchPageContext(base: base(page), paperCount: library.papers.count, paperCountLabel: papers,
                                 label: strings.text(InterfaceKey.searchLabel, ["papers": papers]), scriptText: searchScriptText())
    }

    /// `{"matches": ["{papers} matches …", "{papers} match …"], …}`: each message the search
    /// script shows, by its name under `search.script.` (`papers` for `count.papers`, `tags_link`
    /// for `search.tags_link`), as its
    /// one and other forms, keys sorted so the page is the same in every build.
    func searchScriptText() -> String {
        let names = InterfaceKey.searchScript.map { ($0, String($0.dropFirst("search.script.".count))) }
            + [(InterfaceKey.papers, "papers"), ("search.tags_link", "tags_link")]
        let fields = names.sorted { $0.1 < $1.1 }.map { key, name in
            let value = strings.values[key]
            let one = value?.form(for: 1) ?? key, other = value?.form(for: 2) ?? key
            return Escaping.json(name) + ":" + Escaping.json([one, other])
        }
        return "{" + fields.joined(separator: ",") + "}"
    }
}
