import DaybookContent
import DaybookMarkdown
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
    }

    /// Builds and writes to the output folder.
    public func build() throws(BuildError) -> BuildReport {
        var result = try render()
        let output = options.resolve(options.output ?? result.config.output)
        let writer = OutputWriter(outputDirectory: output)
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

        let config: SiteConfig
        let theme: Theme
        let loaded: ContentLoadResult
        do {
            config = try loadConfig()
            theme = try ThemeLoader(siteRoot: options.siteRoot).load(
                name: config.theme, configPath: options.configPath, line: config.themeLine, column: config.themeColumn)
            clock.lap("config", into: &report)
            loaded = try ContentLoader(siteRoot: options.siteRoot).load()
        } catch {
            throw BuildError(error.diagnostics)
        }
        clock.lap("load", into: &report)
        report.warnings = loaded.warnings

        let routes = Routes(config: config)
        let library = Library(papers: loaded.papers)
        let collisions = library.urlCollisions(routes: routes)
        guard collisions.isEmpty else { throw BuildError(collisions) }
        clock.lap("index", into: &report)

        let views = PaperViewBuilder(routes: routes).build(library.papers)
        clock.lap("markdown", into: &report)

        let site = assemble(config: config, theme: theme, library: library, views: views,
                            clock: &clock, report: &report).site
        report.records = library.papers.count
        report.days = library.days.count
        report.files = site.count
        return Result(config: config, site: site, report: report)
    }
}

extension SiteBuilder {
    /// `daybook.yml`, with `options.baseURL` applied.
    func loadConfig() throws(ContentError) -> SiteConfig {
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
    func mathAssets(for views: [PaperView], report: inout BuildReport) -> MathAssets? {
        guard views.contains(where: \.hasMath) else { return nil }
        let directory = MathAssets.directory(explicit: options.katexDirectory)
        let assets = MathAssets.locate(in: directory)
        if assets == nil {
            report.warnings.append(Diagnostic(path: directory, message:
                "KaTeX not found (install libjs-katex or set DAYBOOK_KATEX): math is shown as TeX", severity: .warning))
        }
        return assets
    }

    /// Renders every page, feed and asset. Add new outputs here (and, for the preview's
    /// updates, to `PageSelection`), so full and incremental builds make them the same way.
    func assemble(config: SiteConfig, theme: Theme, library: Library, views: [PaperView],
                  clock: inout StageClock, report: inout BuildReport) -> Assembly {
        let routes = Routes(config: config)
        let mathAssets = mathAssets(for: views, report: &report)
        let renderer = SiteRenderer(config: config, library: library, views: views, theme: theme, bodyEnd: options.bodyEnd,
                                    mathAssets: mathAssets != nil)
        let jobs = renderer.pageJobs()
        var site = RenderedSite()
        for (path, html) in renderer.render(jobs) { site.add(path, html) }
        report.pages = site.count
        clock.lap("pages", into: &report)

        var other = RenderedSite()
        for (path, text) in renderer.renderFeeds() { other.add(path, text) }
        report.feedItems = renderer.feedItemCount
        for (name, source) in theme.assets { other["assets/" + name] = .copy(source: source) }
        if let mathAssets {
            for (name, source) in mathAssets.files { other["assets/" + name] = .copy(source: source) }
            other["assets/" + MathAssets.styleSheetPath] = .bytes(mathAssets.styleSheet)
        }
        clock.lap("feeds", into: &report)

        let sitemap = SitemapEntries(jobs: jobs, routes: routes)
        for (path, text) in sitemap.files(routes: routes) { other.add(path, text) }
        let search = SearchIndex(routes: routes, library: library, views: views)
        for (path, text) in search.files { other.add(path, text) }
        clock.lap("sitemap and search", into: &report)
        site.merge(other)
        return Assembly(site: site, pageCount: jobs.count,
                        renderer: renderer, sitemap: sitemap, search: search, hasMathAssets: mathAssets != nil)
    }

    /// What `assemble` made: every output, how many are pages, and what the preview keeps to
    /// update them later.
    struct Assembly {
        var site: RenderedSite
        var pageCount: Int
        var renderer: SiteRenderer
        var sitemap: SitemapEntries
        var search: SearchIndex
        var hasMathAssets: Bool
    }
}

/// Times consecutive stages.
struct StageClock {
    private var last = ContinuousClock.now

    mutating func lap(_ name: String, into report: inout BuildReport) {
        let now = ContinuousClock.now
        report.stages.append(.init(name: name, seconds: last.duration(to: now).seconds))
        last = now
    }
}
