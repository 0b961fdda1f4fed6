import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSearch
import DaybookSite

/// Record changes without template changes: the pages and feeds whose keys changed are made stale
/// (`PagePlan`, the same decision `daybook build` makes against its cache) and are made again when
/// requested; the sitemap is written again and the search index updated only where they changed.
///
/// Saving records that keep their file and id (the usual edit) takes the fast path: the library,
/// archive, related papers and search index are patched where the edited papers sit. Adding,
/// deleting or renaming records rebuilds those from the papers (linear in the library). Either
/// way only the outputs whose keys changed are rendered.
extension IncrementalBuilder {
    /// The library after a change and what derives from it.
    struct PaperChanges {
        var library: Library
        var views: [PaperView]
        var archive: ArchiveIndex
        var related: RelatedPapers
        /// Each old paper index's new index (-1: gone); nil when the ids and their order are unchanged.
        var oldToNew: [Int]?
        /// New indices of papers added or changed (the pages that show them get new keys).
        var edited: Set<Int>
        /// With the same papers in the same order: the papers whose pages' jobs must be made anew
        /// (edited, or their related papers changed); the others' jobs are reused. nil: all.
        var remadeJobs: Set<Int>?
        /// How many papers were removed.
        var gone = 0
        /// How many paper views were made anew (Markdown rendered).
        var made: Int
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
                                   oldToNew: nil, edited: edited, made: edited.count)
        let touchedDays = Set(edited.flatMap { [oldLibrary.papers[$0].day, library.papers[$0].day] })
        changes.archive = previous.archive.updating(from: oldLibrary, to: library, touchedDays: touchedDays)
        let related = previous.related.updating(from: oldLibrary, to: library, edited: edited)
        changes.related = related.related
        changes.remadeJobs = related.recomputed
        // From here on nothing fails, so the search index is updated in place (no copy of it).
        // (The preview serves the index's files from it: what changed needs no list.)
        if previous.search.update(old: oldLibrary, new: library, views: views, changed: order) == nil {
            previous.search = SearchIndex(routes: Routes(config: config), library: library, views: views)
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
        var gone = 0
        for (index, paper) in old.library.papers.enumerated() {
            if let now = library.byID[paper.id] { oldToNew[index] = now } else { gone += 1 }
        }
        let edited = Set(changed.compactMap { library.byID[$0.id] })
        let changes = PaperChanges(library: library, views: views, archive: ArchiveIndex(library: library),
                                   related: RelatedPapers(library: library), oldToNew: oldToNew, edited: edited, gone: gone,
                                   made: made)
        // Papers kept keep their postings (renumbered) and documents; only added or changed ones
        // are weighed and their documents made.
        previous.search = SearchIndex(routes: routes, library: library, views: views,
                                      previous: previous.search.postingsForNextBuild, reuse: nil,
                                      documents: previous.search.documentsByKey)
        clock.lap("related and search", into: &report)
        return apply(changes, kind: .pages, clock: &clock, report: &report)
    }

    /// Whether KaTeX's use flips (the first paper with math came or the last one went): then
    /// every page links KaTeX or stops linking it.
    private func mathAssetsChange(_ views: [PaperView]) -> Bool {
        var ignored = BuildReport()
        return (builder.mathAssets(for: views, report: &ignored) != nil) != previous.hasMathAssets
    }

    /// Makes the pages and feeds whose keys changed stale and brings the site and `previous` up
    /// to date. Cannot fail.
    private mutating func apply(_ changes: PaperChanges, kind: Update.Kind, clock: inout StageClock,
                                report: inout BuildReport) -> Update {
        let routes = Routes(config: config)
        let options = builder.options
        // Cards are made with the pages that show them (none is held: no `cardStore`).
        var renderer = SiteRenderer(config: config, library: changes.library, views: changes.views, theme: theme,
                                    bodyEnd: options.bodyEnd, mathAssets: previous.hasMathAssets, archive: changes.archive,
                                    related: changes.related, previous: pages.renderer)
        renderer.searchEntry = previous.search.entry
        let keys = PageKeys(bodyEnd: options.bodyEnd, config: config, theme: theme, views: changes.views,
                            mathAssets: previous.hasMathAssets)
        let jobs: [SiteRenderer.Job], feeds = renderer.feedJobs()
        var unchanged: (Int) -> Bool = { _ in false }
        if let remade = changes.remadeJobs {
            // Same papers, same order: only the pages of papers whose jobs were made anew or that
            // show an edited paper (as a related one) can have a new key; the others keep theirs.
            jobs = renderer.pageJobs(reusing: pages.jobs, of: pages.renderer, changed: remade)
            var settled = [Bool](repeating: true, count: changes.views.count)
            for index in remade { settled[index] = false }
            var shown = [Bool](repeating: false, count: changes.views.count)
            for index in changes.edited { shown[index] = true }
            let papers = renderer.paperJobs
            unchanged = { position in
                guard papers.contains(position), settled[position - papers.lowerBound] else { return false }
                return !jobs[position].shows.contains { shown[$0] }
            }
        } else {
            jobs = renderer.pageJobs()
        }
        let plan = PagePlan(pages: jobs, feeds: feeds, keys: keys, previous: PageReuse(keys: previous.keys), unchanged: unchanged)
        let removed = plan.removed
        pages = PreviewPages(renderer: renderer, jobs: jobs + feeds, keys: plan.keys, keeping: pages)
        report.pages = plan.stalePages.count
        clock.lap("pages", into: &report)

        if previous.sitemap.update(jobs: plan.stalePages, removed: removed, routes: routes) {
            for (path, text) in previous.sitemap.files(routes: routes) { files.add(path, text) }
        }
        clock.lap("sitemap", into: &report)

        previous.replace(library: changes.library, views: changes.views, archive: changes.archive, related: changes.related,
                         keys: plan.keys)
        clock.lap("merge", into: &report)
        return Update(kind: kind, papersChanged: changes.edited.count + changes.gone, pagesRendered: plan.stalePages.count,
                      markdownRendered: changes.made, report: report)
    }
}
