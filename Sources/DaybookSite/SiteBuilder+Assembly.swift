import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSearch
import DaybookSystem
import Dispatch
import Synchronization

/// Making a loaded library's outputs: pages, feeds, the search index, the sitemap and assets.
extension SiteBuilder {
    /// Renders every page, feed and asset into `sink`, pages as they are made (so a build into
    /// the output folder holds none of them). Add new outputs here, as jobs that declare what they
    /// show (`SiteRenderer.Job`), so full, cached and preview builds make them the same way.
    ///
    /// Every page and feed gets its key (`PageKeys`). With `reuse`, a job whose key is the one its
    /// output was last made from is not run (`PagePlan`): it is listed in `Assembly.kept`. Without
    /// it every job runs. Only the cards of the pages that run are made, each once (`CardStore`). Once `sink`
    /// fails, nothing more is made. With `renderPages` false no page or feed job runs and the
    /// search index's files are not written: the preview makes pages when they are requested,
    /// from `Assembly.jobs`, and serves the index from memory (`SearchFiles`). `search`, when given,
    /// is the index of this same library and views (the preview's, after a template change);
    /// else one is made, with the postings of `previousSearch` and, where `reuse` recorded a
    /// search document's key, without making that document again. With `keepingSearch` (and
    /// `renderPages`), `Assembly.searchCache` is what the search cache keeps for the next build.
    package func assemble(config: SiteConfig, theme: Theme, library: Library, views: [PaperView], into sink: some OutputSink,
                          clock: inout StageClock, report: inout BuildReport, reuse: PageReuse? = nil,
                          renderPages: Bool = true, search: SearchIndex? = nil,
                          previousSearch: SearchIndex.Postings? = nil, keepingSearch: Bool = false) -> Assembly {
        let routes = Routes(config: config)
        let mathAssets = mathAssets(for: views, report: &report)
        let keys = PageKeys(bodyEnd: options.bodyEnd, config: config, theme: theme, views: views, mathAssets: mathAssets != nil)
        // The search index comes first, as the search page carries its entry; its time is reported
        // with the sitemap's, as before.
        options.progress?.begin("sitemap and search")
        let searchStart = ContinuousClock.now
        // Made on another thread while the renderer makes its indexes (related papers, archive):
        // each leaves a core idle part of the time. Their time together is the search's.
        // Its documents go to the sink as they are made, the rest of its files once it is made.
        let writingDocuments: (@Sendable (String, [UInt8]) -> Void)? = renderPages ? { @Sendable path, bytes in sink.add(path, .bytes(bytes)) } : nil
        let searchWork = search == nil
            ? BackgroundWork { SearchIndex(routes: routes, library: library, views: views, previous: previousSearch, reuse: reuse,
                                           writingDocuments: writingDocuments) }
            : nil
        var renderer = SiteRenderer(config: config, library: library, views: views, theme: theme, bodyEnd: options.bodyEnd,
                                    mathAssets: mathAssets != nil)
        var search = search ?? searchWork!.take()
        // The index's other files go to the sink now and their texts are let go, rather than
        // held while every page is rendered.
        var outputs = 0
        var searchCache: BackgroundWork<[UInt8]>?
        if renderPages {
            let searchFiles = search.files
            searchFiles.parallelForEach { sink.add($0.path, .bytes(Array($0.text.utf8))) }
            // With one document a file, the documents went to the sink as they were made: not in `files`.
            outputs += searchFiles.count + (search.docsPerShard == 1 ? search.madeDocumentFileCount : 0)
            search.dropFileTexts()
            // The postings too: encoded for the search cache now (with `keepingSearch`), on
            // another core, rather than held while the pages are made (about 40 MB at 100,000 papers).
            let postings = search.takePostings()
            if keepingSearch { searchCache = BackgroundWork { SearchCache.encode(postings) } }
            // Making a whole index of many papers frees much of what it took: given back before
            // the jobs, plan and sitemap are made, so that they do not come on top of it.
            SiteBuilder.releaseFreePages(after: previousSearch == nil ? views.count : 0)
        }
        let searchTime = searchStart.duration(to: .now)
        clock.setAside(searchTime)
        renderer.searchEntry = search.entry
        let jobs = renderer.pageJobs()
        // The sitemap needs only the jobs: made on another core while the pages are planned and
        // rendered. A build gives its files to the sink as soon as they are made and keeps no
        // entries; the preview keeps them, to update the sitemap after an edit.
        let sitemapWork = BackgroundWork { () -> (SitemapEntries?, Int) in
            let sitemap = renderPages ? nil : SitemapEntries(jobs: jobs, routes: routes)
            let files = sitemap?.files(routes: routes) ?? SitemapEntries.files(jobs: jobs, routes: routes)
            for (path, text) in files { sink.add(path, .bytes(Array(text.utf8))) }
            return (sitemap, files.count)
        }
        let feeds = renderer.feedJobs()
        let plan = PagePlan(pages: jobs, feeds: feeds, keys: keys, previous: reuse)
        options.progress?.begin("pages", total: plan.stalePages.count)
        if renderPages {
            // Each card is made once and let go after the last page that shows it; in this order
            // few are alive at a time (at 100,000 papers all of them would take 75 MB).
            renderer.cardStore = CardStore(pages: plan.stalePages)
            let order = CardStore.renderOrder(plan.stalePages, library: library)
            // And what the plan took to be made, before the pages hold the most.
            SiteBuilder.releaseFreePages(after: plan.stalePages.count)
            SiteBuilder.run(order, renderer: renderer, into: sink,
                            progress: options.progress)
        }
        report.pages = jobs.count
        report.pagesRendered = renderPages ? plan.stalePages.count : 0
        clock.lap("pages", into: &report)
        options.progress?.begin("feeds")

        if renderPages {
            SiteBuilder.run(plan.staleFeeds, renderer: renderer, into: sink, progress: nil)
            // Every page and feed is made: what the pages held (their cards among it) is given back
            // to the system, so that what the write allocates does not come on top of it.
            renderer.cardStore = nil
            SiteBuilder.releaseFreePages(after: plan.stalePages.count)
        }
        outputs += renderPages ? plan.stalePages.count + plan.staleFeeds.count : 0
        report.feedItems = renderer.feedItemCount
        var files: [(String, RenderedSite.File)] = []
        for (name, source) in theme.assets { files.append(("assets/" + name, .copy(source: source))) }
        if let mathAssets {
            for (name, source) in mathAssets.files { files.append(("assets/" + name, .copy(source: source))) }
            files.append(("assets/" + MathAssets.styleSheetPath, .bytes(mathAssets.styleSheet)))
        }
        clock.lap("feeds", into: &report)
        options.progress?.begin("sitemap and search")

        let (sitemap, sitemapFiles) = sitemapWork.take()
        outputs += sitemapFiles
        // In order: a later file of the same path wins.
        for (path, file) in files { sink.add(path, file) }
        outputs += files.count
        clock.lap("sitemap and search", into: &report, adding: searchTime)
        return Assembly(outputCount: outputs, pageCount: jobs.count, kept: Set(plan.kept), keys: plan.keys, freshKeys: plan.freshKeys, jobs: jobs + feeds,
                        renderer: renderer, sitemap: sitemap, search: search, searchCache: searchCache,
                        hasMathAssets: mathAssets != nil)
    }

    /// How many pages (or papers' Markdown, or papers indexed) a build makes at once before what
    /// that freed is worth giving back to the system (`Heap.releaseFreePages`): after fewer,
    /// little is freed, and each page given back costs a page fault when it is taken again (the
    /// daily build renders about 140 pages and the Markdown of 25 papers).
    static let manyPages = 10_000

    /// Gives the heap's free pages back to the system after a step that made `made` items at once
    /// (pages, papers' Markdown, papers indexed), when that is `manyPages` or more.
    static func releaseFreePages(after made: Int) {
        if made >= manyPages { Heap.releaseFreePages() }
    }

    /// Runs `jobs` on every core, each output going to `sink` as soon as it is made
    /// (`SiteRenderer.make`: a page's cards go back to the renderer's `CardStore`).
    static func run(_ jobs: [SiteRenderer.Job], renderer: SiteRenderer, into sink: some OutputSink, progress: BuildProgress?) {
        stream(jobs.count, into: sink) { index in
            defer { progress?.advance() }
            return (jobs[index].path, renderer.make(jobs[index]))
        }
    }

    /// Makes outputs `0..<count` on every core (each worker takes the next index), handing each to
    /// `sink` as soon as it is made, so no more than one output a worker is held; stops taking
    /// indices once `sink` has failed.
    static func stream(_ count: Int, into sink: some OutputSink, _ make: @Sendable (Int) -> (path: String, bytes: [UInt8])) {
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(ParallelWork.workers, max(count, 1))) { _ in
            while !sink.hasFailed {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let (path, bytes) = make(index)
                sink.add(path, .bytes(bytes))
            }
        }
    }

    /// What `assemble` made: how many outputs and pages, and what the preview keeps to update
    /// them later.
    package struct Assembly {
        /// Outputs given to the sink (pages and feeds rendered, assets, sitemap, search index).
        package var outputCount: Int
        package var pageCount: Int
        /// Outputs not made because their last version is current (only with `reuse`).
        var kept: Set<String>
        /// Each page's and feed's key.
        package var keys: OutputKeys
        /// The keys of the pages and feeds made now (`PagePlan.freshKeys`).
        package var freshKeys: OutputKeys
        /// Every page and feed job, pages first.
        package var jobs: [SiteRenderer.Job]
        package var renderer: SiteRenderer
        /// The sitemap's entries; nil when the pages were rendered (a build keeps none).
        package var sitemap: SitemapEntries?
        /// The search index; without its files' texts and postings when the pages were rendered.
        package var search: SearchIndex
        /// The search cache's bytes, being encoded (rendered pages with `keepingSearch` only).
        var searchCache: BackgroundWork<[UInt8]>?
        package var hasMathAssets: Bool
    }
}
