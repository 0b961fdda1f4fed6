import DaybookContent

/// Record changes without template changes: the pages whose inputs changed are rendered (see
/// `PageSelection`), and the feeds, sitemap and search index are written again only where they
/// show a changed paper.
///
/// Saving records that keep their file and id (the usual edit) takes the fast path, which never
/// walks the whole library: the library, archive, related papers and search index are patched
/// where the edited papers sit. Adding, deleting or renaming records rebuilds those from the
/// papers (linear in the library) but still renders only the pages that change.
extension IncrementalBuilder {
    /// What changed between the cached build and the new one, for `PageSelection`.
    struct PaperChanges {
        var library: Library
        var views: [PaperView]
        var archive: ArchiveIndex
        var related: RelatedPapers
        /// Search files to write and remove (the index itself is updated in `previous`).
        var searchWritten: [(path: String, text: String)] = []
        var searchRemoved: [String] = []
        var oldToNew: [Int]?
        var edited: Set<Int>
        var gone: [Int] = []
        var papers: Set<Int>
        /// How many paper views were made anew (Markdown rendered).
        var made: Int
        var touchedDays = Set<Day>()
        var slugs = Set<String>()

        mutating func touch(_ paper: Paper) {
            touchedDays.insert(paper.day)
            for tag in paper.tags { slugs.insert(Routes.tagSlug(tag)) }
        }
    }

    /// The fast path: `edits` are new versions of papers by library index, with the same ids.
    mutating func applyEdits(_ edits: [Int: Paper], clock: inout StageClock, report: inout BuildReport) throws(BuildError) -> Update {
        let oldLibrary = previous.library
        let replacements = edits.filter { oldLibrary.papers[$0.key] != $0.value }
        clock.lap("load", into: &report)
        guard !replacements.isEmpty else { return Update(kind: .none) }
        let library = oldLibrary.replacing(replacements)
        let edited = Set(replacements.keys)
        clock.lap("index", into: &report)

        var views = previous.views
        let order = edited.sorted()
        for (index, view) in zip(order, PaperViewBuilder(routes: Routes(config: config)).build(order.map { library.papers[$0] })) {
            views[index] = view
        }
        clock.lap("markdown", into: &report)
        if mathAssetsChange(views) { return try rebuild(SiteChanges(allContent: true, templates: true)) }

        var changes = PaperChanges(library: library, views: views, archive: previous.archive, related: previous.related,
                                   oldToNew: nil, edited: edited, papers: [], made: edited.count)
        for index in edited {
            changes.touch(oldLibrary.papers[index])
            changes.touch(library.papers[index])
        }
        changes.archive = previous.archive.updating(from: oldLibrary, to: library, touchedDays: changes.touchedDays)
        (changes.related, changes.papers) = previous.related.updating(from: oldLibrary, to: library, edited: edited)
        // From here on nothing fails, so the search index is updated in place (no copy of it).
        if let change = previous.search.update(old: oldLibrary, new: library, views: views, changed: order) {
            changes.searchWritten = change.written
            changes.searchRemoved = change.removed
        } else {
            replaceSearch(with: SearchIndex(routes: Routes(config: config), library: library, views: views), &changes)
        }
        clock.lap("related and search", into: &report)
        return apply(changes, kind: .pages, clock: &clock, report: &report)
    }

    /// Records added, deleted or renamed: `papers` is the new list, `changed` the old and new
    /// versions of every paper that differs.
    mutating func applyContent(_ papers: [Paper], changed: [Paper], clock: inout StageClock,
                               report: inout BuildReport) throws(BuildError) -> Update {
        let old = (library: previous.library, related: previous.related)
        let library = try IncrementalBuilder.index(papers, config: config)
        clock.lap("index", into: &report)
        let routes = Routes(config: config)
        let (views, made) = previous.views(for: library, routes: routes)
        clock.lap("markdown", into: &report)
        if mathAssetsChange(views) { return try rebuild(SiteChanges(allContent: true, templates: true)) }

        var oldToNew = [Int](repeating: -1, count: old.library.papers.count)
        var gone: [Int] = []
        for (index, paper) in old.library.papers.enumerated() {
            if let now = library.byID[paper.id] { oldToNew[index] = now } else { gone.append(index) }
        }
        let edited = Set(changed.compactMap { library.byID[$0.id] })
        let related = RelatedPapers(library: library)
        // Paper pages whose related papers differ or include a changed paper.
        var papers = edited
        for (index, list) in old.related.related.enumerated() where oldToNew[index] >= 0 {
            let now = oldToNew[index], current = related.related[now]
            if current.count != list.count || zip(list, current).contains(where: { oldToNew[$0] != $1 })
                || current.contains(where: edited.contains) {
                papers.insert(now)
            }
        }
        var changes = PaperChanges(library: library, views: views, archive: ArchiveIndex(library: library), related: related,
                                   oldToNew: oldToNew, edited: edited, gone: gone, papers: papers, made: made)
        for paper in changed { changes.touch(paper) }
        replaceSearch(with: SearchIndex(routes: routes, library: library, views: views), &changes)
        clock.lap("related and search", into: &report)
        return apply(changes, kind: .pages, clock: &clock, report: &report)
    }

    /// Whether KaTeX's use flips (the first paper with math came or the last one went): then
    /// every page links KaTeX or stops linking it.
    private func mathAssetsChange(_ views: [PaperView]) -> Bool {
        var ignored = BuildReport()
        return (builder.mathAssets(for: views, report: &ignored) != nil) != previous.hasMathAssets
    }

    /// Sets the new search index, writing all its files and removing those the old one had alone.
    private mutating func replaceSearch(with search: SearchIndex, _ changes: inout PaperChanges) {
        changes.searchWritten = search.files
        let kept = Set(changes.searchWritten.map(\.path))
        changes.searchRemoved = previous.search.files.map(\.path).filter { !kept.contains($0) }
        previous.search = search
    }

    /// Renders the selected pages and brings the site and `previous` up to date. Cannot fail.
    private mutating func apply(_ changes: PaperChanges, kind: Update.Kind, clock: inout StageClock,
                                report: inout BuildReport) -> Update {
        let routes = Routes(config: config)
        let bodyEnd = builder.options.bodyEnd
        let before = SiteRenderer(config: config, library: previous.library, views: previous.views, theme: theme, bodyEnd: bodyEnd,
                                  mathAssets: previous.hasMathAssets, archive: previous.archive, related: previous.related,
                                  cards: previous.cards)
        // Cards of unchanged papers are kept; the edited and new ones are rendered.
        let edited = changes.edited.sorted()
        let fresh = SiteRenderer.renderCards(edited, views: changes.views, templates: before.templates, site: before.site)
        var cards: [String]
        if changes.oldToNew == nil {
            cards = previous.cards
        } else {
            cards = changes.library.papers.map { paper in previous.library.byID[paper.id].map { previous.cards[$0] } ?? "" }
        }
        for (index, html) in zip(edited, fresh) { cards[index] = html }
        let renderer = SiteRenderer(config: config, library: changes.library, views: changes.views, theme: theme,
                                    bodyEnd: bodyEnd, mathAssets: previous.hasMathAssets, archive: changes.archive,
                                    related: changes.related, cards: cards)
        let selection = PageSelection(old: before, new: renderer, oldToNew: changes.oldToNew, edited: changes.edited,
                                      gone: changes.gone, papers: changes.papers, touchedDays: changes.touchedDays,
                                      slugs: changes.slugs)
        let pages = renderer.render(selection.render)
        report.pages = pages.count
        clock.lap("pages", into: &report)

        var written = selection.feeds + changes.searchWritten
        if previous.sitemap.update(jobs: selection.compared, removed: selection.removed, routes: routes) {
            written += previous.sitemap.files(routes: routes)
        }
        clock.lap("feeds and sitemap", into: &report)

        for path in selection.removed + changes.searchRemoved { site[path] = nil }
        for (path, html) in pages { site[path] = .bytes(html) }
        for (path, text) in written { site.add(path, text) }
        previous.replace(library: changes.library, views: changes.views, archive: changes.archive, related: changes.related,
                      cards: cards)
        clock.lap("merge", into: &report)
        return Update(kind: kind, papersChanged: changes.edited.count + changes.gone.count, pagesRendered: pages.count,
                      markdownRendered: changes.made, report: report)
    }
}
