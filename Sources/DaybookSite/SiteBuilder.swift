import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSearch
import DaybookSystem

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
        SiteBuilder.releaseFreePages(after: views.count - (report.cache?.markdownReused ?? 0))
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
}
