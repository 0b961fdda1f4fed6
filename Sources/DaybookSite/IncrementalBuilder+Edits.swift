import DaybookContent

/// The preview's fast path: records saved with the same ids (the usual edit).
///
/// Nothing here walks the whole library: the library, archive and related papers are patched
/// where the edited papers sit, only the pages whose inputs changed are rendered (see
/// `PageSelection`), and the feeds, sitemap and search index are written again only where they
/// show an edited paper.
extension IncrementalBuilder {
    mutating func applyEdits(_ edits: [Int: Paper], clock: inout StageClock, report: inout BuildReport) throws(BuildError) -> Update {
        let old = cache
        let replacements = edits.filter { old.library.papers[$0.key] != $0.value }
        clock.lap("load", into: &report)
        guard !replacements.isEmpty else { return Update(kind: .none) }
        let library = old.library.replacing(replacements)
        let edited = Set(replacements.keys)
        clock.lap("index", into: &report)

        let routes = Routes(config: config)
        var views = old.views
        let order = edited.sorted()
        for (index, view) in zip(order, PaperViewBuilder(routes: routes).build(order.map { library.papers[$0] })) {
            views[index] = view
        }
        clock.lap("markdown", into: &report)
        var mathReport = BuildReport()
        let mathAssets = builder.mathAssets(for: views, report: &mathReport)
        guard (mathAssets != nil) == old.hasMathAssets else {
            // Every page links KaTeX or stops linking it.
            return try rebuild(SiteChanges(allContent: true, templates: true))
        }

        var touchedDays = Set<Day>()
        for index in edited {
            touchedDays.insert(old.library.papers[index].day)
            touchedDays.insert(library.papers[index].day)
        }
        let archive = old.archive.updating(from: old.library, to: library, touchedDays: touchedDays)
        let (related, recomputed) = old.related.updating(from: old.library, to: library, edited: edited)
        clock.lap("related", into: &report)

        let bodyEnd = builder.options.bodyEnd
        let before = SiteRenderer(config: config, library: old.library, views: old.views, theme: theme, bodyEnd: bodyEnd,
                                  mathAssets: old.hasMathAssets, archive: old.archive, related: old.related)
        let renderer = SiteRenderer(config: config, library: library, views: views, theme: theme, bodyEnd: bodyEnd,
                                    mathAssets: old.hasMathAssets, archive: archive, related: related)
        let selection = PageSelection(old: before, new: renderer, edited: edited, papers: recomputed, touchedDays: touchedDays)
        let pages = renderer.render(selection.render)
        report.pages = pages.count
        clock.lap("pages", into: &report)

        var sitemap = old.sitemap
        var written: [(path: String, text: String)] = selection.feeds
        var removed = selection.removed
        if sitemap.update(jobs: selection.compared, removed: selection.removed, routes: routes) {
            written += sitemap.files(routes: routes)
        }
        var search = old.search
        if let change = search.update(old: old.library, new: library, views: views, changed: order) {
            written += change.written
            removed += change.removed
        } else {
            search = SearchIndex(routes: routes, library: library, views: views)
            let kept = Set(search.files.map(\.path))
            removed += old.search.files.map(\.path).filter { !kept.contains($0) }
            written += search.files
        }
        clock.lap("feeds, sitemap and search", into: &report)

        for path in removed where site.files.removeValue(forKey: path) != nil {
            if otherPaths.remove(path) == nil { pageCount -= 1 }
        }
        for (path, html) in pages where site.files.updateValue(.bytes(Array(html.utf8)), forKey: path) == nil {
            pageCount += 1
        }
        for (path, text) in written {
            site.add(path, text)
            otherPaths.insert(path)
        }
        cache = BuildCache(baseURL: old.baseURL, library: library, views: views, archive: archive, related: related,
                           sitemap: sitemap, search: search, hasMathAssets: old.hasMathAssets)
        clock.lap("merge", into: &report)
        return Update(kind: .pages, papersChanged: edited.count * 2, pagesRendered: pages.count,
                      markdownRendered: edited.count, report: report)
    }
}
