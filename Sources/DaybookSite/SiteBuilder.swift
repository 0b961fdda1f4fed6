import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSearch
import DaybookSystem
import Dispatch
import Synchronization

/// Builds a site: config → content → library → Markdown → pages and feeds → output folder.
///
/// Each stage is timed. Everything is rendered and checked in memory before the output folder is
/// touched, so a failed build leaves it as it was.
///
/// ```swift
/// let report = try SiteBuilder(options: BuildOptions(siteRoot: ".")).build()
/// print(report.pages, "pages")
/// ```
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    /// A loaded, rendered site, not yet written.
    public struct Result: Sendable {
        public var config: SiteConfig
        public var site: RenderedSite
        public var report: BuildReport
        /// Outputs left as they are on disk (cached builds only): not in `site`, not stale.
        var kept = KeptOutputs()
        /// The key of each page, feed and search document made now, for the build cache's manifest
        /// (a kept output's key is the one recorded).
        var pageKeys = OutputKeys()
        /// What the content cache keeps for the next build, written beside it while the pages
        /// were made, to be put in place by the caller (cached builds only).
        var content: BackgroundWork<ContentCache.StagedSave>?
        /// What the search cache keeps for the next build, encoded on another core while the
        /// pages are made (smaller than the postings it holds, which are not kept through the
        /// pages; cached builds only).
        var search: BackgroundWork<[UInt8]>?
    }

    /// Builds and writes to the output folder. With `options.cacheDirectory` set, the build
    /// cache there lets it skip what did not change (see `CachedBuild`).
    public func build() throws(BuildError) -> BuildReport {
        if let directory = options.cacheDirectory {
            return try CachedBuild(builder: self, directory: directory).run()
        }
        var report = BuildReport()
        var clock = StageClock()
        let (config, theme) = try loadConfigAndTheme()
        clock.lap("config", into: &report)
        let output = options.resolve(options.output ?? config.output)
        var writer = OutputWriter(outputDirectory: output)
        writer.progress = options.progress
        let staged: StagedOutput
        do {
            staged = try writer.stage(previous: { nil }, records: false)
        } catch {
            throw BuildError(message: error.description)
        }
        var result: Result
        do {
            result = try render(config: config, theme: theme, into: staged, clock: &clock, report: report, reuse: nil)
        } catch {
            staged.discard()
            throw error
        }
        do {
            result.report.write = try writer.commit(staged, recording: nil).report
        } catch {
            throw BuildError(message: error.description)
        }
        clock.lap("write", into: &result.report)
        result.report.outputDirectory = output
        return result.report
    }

    /// Loads and renders everything into memory.
    public func render() throws(BuildError) -> Result {
        var report = BuildReport()
        var clock = StageClock()
        let (config, theme) = try loadConfigAndTheme()
        clock.lap("config", into: &report)
        let collected = CollectedOutput()
        var result = try render(config: config, theme: theme, into: collected, clock: &clock, report: report, reuse: nil)
        result.site = collected.site
        return result
    }

    /// `daybook.yml` and the theme it names.
    func loadConfigAndTheme() throws(BuildError) -> (SiteConfig, Theme) {
        let config: SiteConfig
        do {
            config = try loadConfig()
        } catch {
            throw BuildError(error.diagnostics)
        }
        return (config, try loadTheme(for: config))
    }

    /// The theme `config` names, with its strings in the config's language.
    package func loadTheme(for config: SiteConfig) throws(BuildError) -> Theme {
        do {
            return try ThemeLoader(siteRoot: options.siteRoot).load(
                name: config.theme, configPath: options.configPath, line: config.themeLine, column: config.themeColumn,
                language: config.language)
        } catch {
            throw BuildError(error.diagnostics)
        }
    }

    /// Loads the content and renders it with `config` and `theme` into `sink` (pages current on
    /// disk are skipped with `reuse`). The result's `site` is empty: the outputs are in `sink`.
    /// With `cache`, files and Markdown it holds are reused and the result's `content` and
    /// `search` are what to keep for the next build (`content` is written beside the cache while
    /// the pages are made: the caller puts it in place); the search index takes the postings of
    /// `search` (see `SearchCache`), read on another core meanwhile.
    func render(config: SiteConfig, theme: Theme, into sink: some OutputSink, clock: inout StageClock, report: BuildReport,
                reuse: PageReuse?, cache: consuming ContentCache.Use? = nil,
                search: BackgroundWork<SearchIndex.Postings?>? = nil) throws(BuildError) -> Result {
        var report = report
        let progress = options.progress
        progress?.begin("load")
        var loaded = try load(reusing: cache?.files)
        clock.lap("load", into: &report)
        progress?.begin("index")
        report.warnings = loaded.warnings

        let routes = Routes(config: config)
        let library = Library(papers: loaded.papers)
        let collisions = library.urlCollisions(routes: routes)
        guard collisions.isEmpty else { throw BuildError(collisions) }
        // The library holds the papers now; the records' field positions serve the audit (made
        // aside) and the preview, not the pages.
        loaded.papers = []
        loaded.positions = [:]
        clock.lap("index", into: &report)
        progress?.begin("markdown")

        let views: [PaperView]
        var kept: BackgroundWork<ContentCache.StagedSave>?
        if let cache {
            let built = PaperViewBuilder(routes: routes).build(Array(library.papers), reusing: cache.texts)
            views = built.views
            // Written while the pages are made, so that the parsed files and texts it takes are
            // let go before the pages rather than held to the end (about 60 MB at 100,000 papers).
            let contents = ContentCache.Contents(files: loaded.parsedFiles, parsed: loaded.parsedNow, texts: built.texts)
            kept = cache.keep.map { keep in BackgroundWork { keep(contents) } }
            report.cache = BuildReport.CacheSavings(upToDate: false, pagesKept: 0,
                                                    recordsReused: loaded.parsedFiles.count - loaded.parsedNow.count,
                                                    markdownReused: library.papers.count - built.made)
            loaded.parsedFiles = []
            loaded.parsedNow = []
        } else {
            views = PaperViewBuilder(routes: routes).build(library.papers)
        }
        // What the cache gave (its walk of the content folder among it) is not needed any more.
        let keepingCache = cache != nil
        cache = nil
        // Rendering every paper's Markdown freed much of what it took: given back before the
        // search index and the pages are made.
        if views.count - (report.cache?.markdownReused ?? 0) >= SiteBuilder.manyPages {
            Heap.releaseFreePages()
        }
        clock.lap("markdown", into: &report)

        let assembly = assemble(config: config, theme: theme, library: library, views: views, into: sink,
                                clock: &clock, report: &report, reuse: reuse, previousSearch: search?.take() ?? nil,
                                keepingSearch: keepingCache)
        // The search documents kept on disk, and the keys of those made now, go in the manifest as pages' do.
        let keptFiles = KeptOutputs(paths: assembly.kept, documents: assembly.search.keptDocumentFiles)
        var keys = assembly.freshKeys
        for (path, key) in assembly.search.madeDocumentFileKeys { keys.append(path, key) }
        if let audit = loaded.pendingWarnings { report.warnings = audit.take() + report.warnings }
        report.records = library.papers.count
        report.days = library.days.count
        report.files = assembly.outputCount + keptFiles.count
        let result = Result(config: config, site: RenderedSite(), report: report, kept: keptFiles, pageKeys: keys,
                            content: kept, search: assembly.searchCache)
        // The library and its views are most of what the build holds: their pages go back to the
        // system while the output is written (after a build that rendered many pages).
        BackgroundRelease.free((consume assembly, consume views, consume library),
                               givingPagesBack: report.pagesRendered >= SiteBuilder.manyPages)
        return result
    }
}

extension SiteBuilder {
    /// The content, its audit made aside (`ContentLoader.load(reusing:auditingAside:)`).
    func load(reusing files: ContentReuse?) throws(BuildError) -> ContentLoadResult {
        do {
            return try ContentLoader(siteRoot: options.siteRoot).load(reusing: files, auditingAside: true)
        } catch {
            throw BuildError(error.diagnostics)
        }
    }

    /// `daybook.yml`, with `options.baseURL` applied.
    package func loadConfig() throws(ContentError) -> SiteConfig {
        var config = try SiteConfigLoader.load(path: options.resolve(options.configPath), displayPath: options.configPath)
        if let baseURL = options.baseURL {
            guard SiteConfig.isValidBaseURL(baseURL) else {
                throw ContentError([Diagnostic(path: "--base-url", message: "must be an absolute http(s) URL, got \"\(baseURL)\"")])
            }
            config.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        }
        return config
    }

    /// KaTeX's files when a page has math, with a warning when they are missing.
    package func mathAssets(for views: [PaperView], report: inout BuildReport) -> MathAssets? {
        guard views.contains(where: \.hasMath) else { return nil }
        let directory = MathAssets.directory(explicit: options.katexDirectory)
        let assets = MathAssets.locate(in: directory)
        if assets == nil {
            report.warnings.append(Diagnostic(path: directory, message:
                "KaTeX not found (install libjs-katex or set DAYBOOK_KATEX): math is shown as TeX", severity: .warning))
        }
        return assets
    }

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
            if previousSearch == nil && views.count >= SiteBuilder.manyPages { Heap.releaseFreePages() }
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
            if plan.stalePages.count >= SiteBuilder.manyPages { Heap.releaseFreePages() }
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
            if plan.stalePages.count >= SiteBuilder.manyPages { Heap.releaseFreePages() }
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

/// Times consecutive stages.
package struct StageClock {
    private var last = ContinuousClock.now

    package init() {}

    /// Records the time since the last lap (plus `adding`, time set aside for this stage) as stage `name`.
    package mutating func lap(_ name: String, into report: inout BuildReport, adding: Duration = .zero) {
        let now = ContinuousClock.now
        report.stages.append(.init(name: name, seconds: (last.duration(to: now) + adding).seconds))
        last = now
    }

    /// Leaves `time`, just spent on a later stage's work, out of the next lap (that stage's lap
    /// adds it back).
    package mutating func setAside(_ time: Duration) {
        last = last.advanced(by: time)
    }
}
