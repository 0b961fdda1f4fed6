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
        var search: SearchIndex
        /// Search files to write and remove.
        var searchWritten: [(path: String, text: String)]
        var searchRemoved: [String]
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
        let old = cache
        let replacements = edits.filter { old.library.papers[$0.key] != $0.value }
        clock.lap("load", into: &report)
        guard !replacements.isEmpty else { return Update(kind: .none) }
        let library = old.library.replacing(replacements)
        let edited = Set(replacements.keys)
        clock.lap("index", into: &report)

        var views = old.views
        let order = edited.sorted()
        for (index, view) in zip(order, PaperViewBuilder(routes: Routes(config: config)).build(order.map { library.papers[$0] })) {
            views[index] = view
        }
        clock.lap("markdown", into: &report)

        var touched = Set<Day>()
        for index in edited { touched.formUnion([old.library.papers[index].day, library.papers[index].day]) }
        let archive = old.archive.updating(from: old.library, to: library, touchedDays: touched)
        let (related, recomputed) = old.related.updating(from: old.library, to: library, edited: edited)
        var search = old.search
        let searchChange = search.update(old: old.library, new: library, views: views, changed: order)
        if searchChange == nil { search = SearchIndex(routes: Routes(config: config), library: library, views: views) }
        var changes = PaperChanges(library: library, views: views, archive: archive, related: related, search: search,
                                   searchWritten: searchChange?.written ?? [], searchRemoved: searchChange?.removed ?? [],
                                   oldToNew: nil, edited: edited, papers: recomputed, made: edited.count)
        if searchChange == nil { changes.replaceSearch(old.search) }
        for index in edited {
            changes.touch(old.library.papers[index])
            changes.touch(library.papers[index])
        }
        clock.lap("related and search", into: &report)
        return try apply(changes, kind: .pages, clock: &clock, report: &report)
    }

    /// Records added, deleted or renamed: `papers` is the new list, `changed` the old and new
    /// versions of every paper that differs.
    mutating func applyContent(_ papers: [Paper], changed: [Paper], clock: inout StageClock,
                               report: inout BuildReport) throws(BuildError) -> Update {
        let old = cache
        let library = try IncrementalBuilder.index(papers, config: config)
        clock.lap("index", into: &report)
        let routes = Routes(config: config)
        let (views, made) = old.views(for: library, routes: routes)
        clock.lap("markdown", into: &report)

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
                                   search: SearchIndex(routes: routes, library: library, views: views),
                                   searchWritten: [], searchRemoved: [], oldToNew: oldToNew, edited: edited, gone: gone,
                                   papers: papers, made: made)
        changes.replaceSearch(old.search)
        for paper in changed { changes.touch(paper) }
        clock.lap("related and search", into: &report)
        return try apply(changes, kind: .pages, clock: &clock, report: &report)
    }

    private mutating func apply(_ changes: PaperChanges, kind: Update.Kind, clock: inout StageClock,
                                report: inout BuildReport) throws(BuildError) -> Update {
        let old = cache
        var mathReport = BuildReport()
        guard (builder.mathAssets(for: changes.views, report: &mathReport) != nil) == old.hasMathAssets else {
            // Every page links KaTeX or stops linking it.
            return try rebuild(SiteChanges(allContent: true, templates: true))
        }
        let routes = Routes(config: config)
        let bodyEnd = builder.options.bodyEnd
        let before = SiteRenderer(config: config, library: old.library, views: old.views, theme: theme, bodyEnd: bodyEnd,
                                  mathAssets: old.hasMathAssets, archive: old.archive, related: old.related)
        let renderer = SiteRenderer(config: config, library: changes.library, views: changes.views, theme: theme,
                                    bodyEnd: bodyEnd, mathAssets: old.hasMathAssets, archive: changes.archive,
                                    related: changes.related)
        let selection = PageSelection(old: before, new: renderer, oldToNew: changes.oldToNew, edited: changes.edited,
                                      gone: changes.gone, papers: changes.papers, touchedDays: changes.touchedDays,
                                      slugs: changes.slugs)
        let pages = renderer.render(selection.render)
        report.pages = pages.count
        clock.lap("pages", into: &report)

        var sitemap = old.sitemap
        var written = selection.feeds + changes.searchWritten
        let removed = selection.removed + changes.searchRemoved
        if sitemap.update(jobs: selection.compared, removed: selection.removed, routes: routes) {
            written += sitemap.files(routes: routes)
        }
        clock.lap("feeds and sitemap", into: &report)

        for path in removed { site.files[path] = nil }
        for (path, text) in pages { site.add(path, text) }
        for (path, text) in written { site.add(path, text) }
        cache = BuildCache(baseURL: old.baseURL, library: changes.library, views: changes.views, archive: changes.archive,
                           related: changes.related, sitemap: sitemap, search: changes.search, hasMathAssets: old.hasMathAssets)
        clock.lap("merge", into: &report)
        return Update(kind: kind, papersChanged: changes.edited.count + changes.gone.count, pagesRendered: pages.count,
                      markdownRendered: changes.made,
                      report: report)
    }
}

extension IncrementalBuilder.PaperChanges {
    /// Writes the whole new search index, removing the old index's files it no longer has.
    mutating func replaceSearch(_ old: SearchIndex) {
        searchWritten = search.files
        let kept = Set(search.files.map(\.path))
        searchRemoved = old.files.map(\.path).filter { !kept.contains($0) }
    }
}
