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
        /// Pages left as they are on disk (cached builds only): not in `site`, not stale.
        var kept: Set<String> = []
        /// Each page's and feed's key, for the build cache's manifest.
        var pageKeys = OutputKeys()
    }

    /// Builds and writes to the output folder. With `options.cacheDirectory` set, the build
    /// cache there lets it skip what did not change (see `CachedBuild`).
    public func build() throws(BuildError) -> BuildReport {
        if let directory = options.cacheDirectory {
            return try CachedBuild(builder: self, directory: directory).run()
        }
        var result = try render()
        let output = options.resolve(options.output ?? result.config.output)
        var writer = OutputWriter(outputDirectory: output)
        writer.progress = options.progress
        let start = ContinuousClock.now
        do {
            result.report.write = try writer.write(result.site)
        } catch {
            throw BuildError(message: error.description)
        }
        result.report.stages.append(.init(name: "write", seconds: start.duration(to: .now).seconds))
        result.report.outputDirectory = output
        return result.report
    }

    /// Loads and renders everything into memory.
    public func render() throws(BuildError) -> Result {
        var report = BuildReport()
        var clock = StageClock()
        let (config, theme) = try loadConfigAndTheme()
        clock.lap("config", into: &report)
        return try render(config: config, theme: theme, clock: &clock, report: report, reuse: nil)
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

    /// Loads the content and renders it with `config` and `theme` (pages current on disk are
    /// skipped with `reuse`).
    func render(config: SiteConfig, theme: Theme, clock: inout StageClock, report: BuildReport,
                reuse: PageReuse?) throws(BuildError) -> Result {
        var report = report
        let progress = options.progress
        progress?.begin("load")
        let loaded: ContentLoadResult
        do {
            loaded = try ContentLoader(siteRoot: options.siteRoot).load()
        } catch {
            throw BuildError(error.diagnostics)
        }
        clock.lap("load", into: &report)
        progress?.begin("index")
        report.warnings = loaded.warnings

        let routes = Routes(config: config)
        let library = Library(papers: loaded.papers)
        let collisions = library.urlCollisions(routes: routes)
        guard collisions.isEmpty else { throw BuildError(collisions) }
        clock.lap("index", into: &report)
        progress?.begin("markdown")

        let views = PaperViewBuilder(routes: routes).build(library.papers)
        clock.lap("markdown", into: &report)

        let assembly = assemble(config: config, theme: theme, library: library, views: views,
                                clock: &clock, report: &report, reuse: reuse)
        report.records = library.papers.count
        report.days = library.days.count
        report.files = assembly.site.count + assembly.kept.count
        return Result(config: config, site: assembly.site, report: report, kept: assembly.kept, pageKeys: assembly.keys)
    }
}

extension SiteBuilder {
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

    /// Renders every page, feed and asset. Add new outputs here, as jobs that declare what they
    /// show (`SiteRenderer.Job`), so full, cached and preview builds make them the same way.
    ///
    /// Every page and feed gets its key (`PageKeys`). With `reuse`, a job whose key is the one its
    /// output was last made from is not run (`PagePlan`): it is listed in `Assembly.kept`, and only
    /// the cards of the pages that are rendered are made. Without it every job runs.
    package func assemble(config: SiteConfig, theme: Theme, library: Library, views: [PaperView],
                  clock: inout StageClock, report: inout BuildReport, reuse: PageReuse? = nil) -> Assembly {
        let routes = Routes(config: config)
        let mathAssets = mathAssets(for: views, report: &report)
        let keys = PageKeys(bodyEnd: options.bodyEnd, config: config, theme: theme, views: views, mathAssets: mathAssets != nil)
        // With reuse, cards wait until the plan says which pages are rendered.
        var renderer = SiteRenderer(config: config, library: library, views: views, theme: theme, bodyEnd: options.bodyEnd,
                                    mathAssets: mathAssets != nil, cards: reuse == nil ? nil : Array(repeating: "", count: views.count))
        let jobs = renderer.pageJobs()
        let plan = PagePlan(pages: jobs, feeds: renderer.feedJobs(), keys: keys, previous: reuse)
        if reuse != nil {
            let order = plan.shownPapers.sorted()
            for (index, html) in zip(order, renderer.renderCards(order)) { renderer.cards[index] = html }
        }
        var site = RenderedSite()
        options.progress?.begin("pages", total: plan.stalePages.count)
        for (path, html) in renderer.render(plan.stalePages, progress: options.progress) { site[path] = .bytes(html) }
        report.pages = jobs.count
        report.pagesRendered = plan.stalePages.count
        clock.lap("pages", into: &report)
        options.progress?.begin("feeds")

        var other = RenderedSite()
        for (path, bytes) in renderer.render(plan.staleFeeds) { other[path] = .bytes(bytes) }
        report.feedItems = renderer.feedItemCount
        for (name, source) in theme.assets { other["assets/" + name] = .copy(source: source) }
        if let mathAssets {
            for (name, source) in mathAssets.files { other["assets/" + name] = .copy(source: source) }
            other["assets/" + MathAssets.styleSheetPath] = .bytes(mathAssets.styleSheet)
        }
        clock.lap("feeds", into: &report)
        options.progress?.begin("sitemap and search")

        let sitemap = SitemapEntries(jobs: jobs, routes: routes)
        for (path, text) in sitemap.files(routes: routes) { other.add(path, text) }
        let search = SearchIndex(routes: routes, library: library, views: views)
        for (path, text) in search.files { other.add(path, text) }
        clock.lap("sitemap and search", into: &report)
        site.merge(other)
        return Assembly(site: site, pageCount: jobs.count, kept: Set(plan.kept), keys: plan.keys,
                        renderer: renderer, sitemap: sitemap, search: search, hasMathAssets: mathAssets != nil)
    }

    /// What `assemble` made: every output, how many are pages, and what the preview keeps to
    /// update them later.
    package struct Assembly {
        package var site: RenderedSite
        package var pageCount: Int
        /// Outputs not made because their last version is current (only with `reuse`).
        var kept: Set<String>
        /// Each page's and feed's key.
        package var keys: OutputKeys
        package var renderer: SiteRenderer
        package var sitemap: SitemapEntries
        package var search: SearchIndex
        package var hasMathAssets: Bool
    }
}

/// Times consecutive stages.
package struct StageClock {
    private var last = ContinuousClock.now

    package init() {}

    package mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = ContinuousClock.now
        report.stages.append(.init(name: name, seconds: last.duration(to: now).seconds))
        last = now
    }
}
