import DaybookContent
import DaybookLibrary
import DaybookSystem

/// The tag index and each tag's pages: the head at the tag's URL and numbered pages counted from
/// the oldest (`TagPaging`).
extension SiteRenderer {
    /// The pages of one tag: the head, then numbered pages 1 (the oldest) on.
    ///
    /// A numbered page's frame is its tag, its number and whether it is the newest (its newer
    /// link is then the head): a new day of papers re-renders the head, and only when a page
    /// fills, the new numbered page and the one before it. The head's frame is the tag, its count
    /// and the dates of every numbered page, which it lists.
    func tagJobs(_ position: Int) -> [Job] {
        let entry = library.tags[position]
        let paging = TagPaging(total: entry.papers.count, perPage: config.perPage)
        var head = StableHasher()
        head.combine(entry.name)
        head.combine(entry.papers.count)
        for number in stride(from: 1, through: paging.archived, by: 1) {
            let range = paging.page(number)
            head.combine(library.papers[entry.papers[range.lowerBound]].day)
            head.combine(library.papers[entry.papers[range.upperBound - 1]].day)
        }
        var jobs = [Job(path: routes.file(for: routes.tag(entry.name)), make: { $0.renderTag(position, nil) },
                        lastmod: entry.papers.first.map { library.papers[$0].day }, shows: entry.papers[paging.head],
                        showsCards: true, frame: head.finalize())]
        for number in stride(from: 1, through: paging.archived, by: 1) {
            var frame = StableHasher()
            frame.combine(entry.name)
            frame.combine(number)
            frame.combine(number == paging.archived)
            let shows = entry.papers[paging.page(number)]
            jobs.append(Job(path: routes.file(for: routes.tagPage(number, of: entry.name)), make: { $0.renderTag(position, number) },
                            lastmod: library.papers[shows[shows.startIndex]].day, shows: shows, showsCards: true,
                            frame: frame.finalize()))
        }
        return jobs
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

    func renderTag(_ position: Int, _ number: Int?) -> [UInt8] {
        templates.render("tag", tagContext(position, number))
    }

    /// The head of tag `position` (`number` nil) or its numbered page `number`.
    func tagContext(_ position: Int, _ number: Int?) -> TagPageContext {
        let entry = library.tags[position]
        let paging = TagPaging(total: entry.papers.count, perPage: config.perPage)
        let feed = FeedLink(title: strings.text(InterfaceKey.tagFeedTitle, ["site": config.title, "tag": entry.name]),
                            url: routes.tagFeed(entry.name))
        guard let number else { return tagHeadContext(entry, paging, feed) }
        let shown = entry.papers[paging.page(number)]
        let papers = cardList(shown)
        let dates = tagPageDates(shown), numberText = String(number)
        var page = PageMeta(title: strings.text(InterfaceKey.tagTitle, ["tag": entry.name, "site": config.title,
                                                                        "paged": strings.text(InterfaceKey.tagPaged, ["number": numberText])]),
                            description: strings.text(InterfaceKey.tagPageDescription, ["tag": entry.name, "dates": dates, "number": numberText]),
                            canonical: routes.absolute(routes.tagPage(number, of: entry.name)), hasMath: papers.contains { $0.view.hasMath })
        page.feeds = [feed]
        let pager = TagPager(number: number, label: strings.text(InterfaceKey.tagPageLabel, ["number": numberText]),
                             newerURL: number == paging.archived ? routes.tag(entry.name) : routes.tagPage(number + 1, of: entry.name),
                             olderURL: number > 1 ? routes.tagPage(number - 1, of: entry.name) : nil)
        return TagPageContext(base: base(page), tag: TagLink(name: entry.name, url: routes.tag(entry.name)), feed: feed, papers: papers,
                              pager: pager, tagPages: [],
                              lede: strings.text(InterfaceKey.tagLedePage, ["dates": dates, "number": numberText]))
    }

    /// The head: the newest papers, the totals and every numbered page, newest first.
    private func tagHeadContext(_ entry: Library.TagEntry, _ paging: TagPaging, _ feed: FeedLink) -> TagPageContext {
        let papers = cardList(entry.papers[paging.head])
        var page = PageMeta(title: strings.text(InterfaceKey.tagTitle, ["tag": entry.name, "paged": "", "site": config.title]),
                            description: strings.count(InterfaceKey.tagDescription, entry.papers.count, ["tag": entry.name]),
                            canonical: routes.absolute(routes.tag(entry.name)), hasMath: papers.contains { $0.view.hasMath })
        page.feeds = [feed]
        let link = tagLink(entry)
        let pages = stride(from: paging.archived, through: 1, by: -1).map { number in
            TagPageLink(number: number, url: routes.tagPage(number, of: entry.name),
                        label: strings.text(InterfaceKey.tagPageLabel, ["number": String(number)]),
                        dates: tagPageDates(entry.papers[paging.page(number)]))
        }
        let lede = paging.archived == 0
            ? strings.text(InterfaceKey.tagLede, ["papers": link.countLabel ?? ""])
            : strings.text(InterfaceKey.tagLedeHead, ["papers": link.countLabel ?? "",
                                                      "shown": strings.count(InterfaceKey.papers, papers.count),
                                                      "pages": strings.count(InterfaceKey.pages, paging.archived)])
        let pager = TagPager(number: nil, label: nil, newerURL: nil,
                             olderURL: paging.archived > 0 ? routes.tagPage(paging.archived, of: entry.name) : nil)
        return TagPageContext(base: base(page), tag: link, feed: feed, papers: papers, pager: pager, tagPages: pages, lede: lede)
    }

    /// "Mar 3, 2025 – Mar 9, 2025": the days of the oldest and newest of `papers` (newest first),
    /// or the one day when they share it.
    func tagPageDates(_ papers: ArraySlice<Int>) -> String {
        guard let newest = papers.first.map({ library.papers[$0].day }),
              let oldest = papers.last.map({ library.papers[$0].day }) else { return "" }
        let dates = strings.dates
        return newest == oldest ? dates.short(newest)
            : strings.text(InterfaceKey.tagDates, ["first": dates.short(oldest), "last": dates.short(newest)])
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
                                 label: strings.text(InterfaceKey.searchLabel, ["papers": papers]), scriptText: searchScriptText(),
                                 searchEntry: searchEntry.isEmpty ? nil : SiteRenderer.scriptData(searchEntry))
    }

    /// JSON `text` as the content of a `<script type="application/json">` element: without its
    /// final newline, and with `</` written `<\/` (the same JSON), so no `</script>` can end the
    /// element early.
    static func scriptData(_ text: String) -> String {
        var text = Substring(text)
        while text.last == "\n" { text = text.dropLast() }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        for character in text {
            if character == "/" && previous == "<" { out += "\\" }
            out.append(character)
            previous = character
        }
        return out
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
