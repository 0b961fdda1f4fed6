import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSearch
import DaybookSite
import DaybookSystem

/// Keeps a site in memory and brings it up to date after changes on disk (the preview server's
/// builder): the library and what derives from it, the files that are not pages (assets, search
/// index, sitemap), and the pages and feeds as jobs made when requested (`PreviewPages`).
///
/// A changed record makes stale only the pages and feeds whose keys changed: the papers they show,
/// or their frame (the counts and links they take from the rest of the library); see `PagePlan`,
/// which `daybook build` uses against its cache the same way. A template change makes every
/// page stale but reuses the Markdown of unchanged papers; the config or anything uncertain
/// rebuilds everything. A failed update changes nothing: the last good site stays.
///
/// ```swift
/// var builder = try IncrementalBuilder(options: options, origin: "http://127.0.0.1:8000")
/// let update = try builder.apply(SiteChanges(records: ["content/papers/2026-11-20/2405.01234.md"]))
/// serve(builder.files, builder.pages)
/// ```
public struct IncrementalBuilder: Sendable {
    /// Parses one record file (absolute path, site-relative display path) into its papers, with
    /// where each wrote the fields warnings point at (by paper id).
    public typealias RecordParser = @Sendable (_ path: String, _ displayPath: String) throws(ContentError)
        -> (papers: [Paper], positions: [String: RecordPositions])

    public let builder: SiteBuilder
    /// When set, `base_url` becomes this origin plus the config's path: the preview's own address.
    public let origin: String?
    /// Reloads one record file; without it every record change reloads all of `content/`.
    public var recordParser: RecordParser?

    public private(set) var config: SiteConfig
    public private(set) var theme: Theme
    /// The current site's files other than pages, feeds and the search index (assets, sitemap).
    public internal(set) var files: RenderedSite
    /// The current site's pages and feeds, made when requested.
    var pages: PreviewPages
    /// Warnings about suspicious records, as of the last `refreshWarnings()` (full builds and
    /// content reloads bring them up to date themselves).
    public private(set) var warnings: [Diagnostic] = []
    /// Where each `.md` record wrote the fields warnings point at, by paper id.
    var positions: [String: RecordPositions] = [:]
    /// Whether records reloaded one by one changed papers since `warnings` was computed.
    var warningsStale = false
    /// What `warnings` were last computed from, once a save has been audited (nil: audit the
    /// whole library at the next refresh), and the papers reloaded in place since then.
    var audit: ContentAudit?
    var auditPending = Set<Int>()
    var previous: PreviousBuild
    /// Whether `content/` held JSON imports at the last full load (then records reload all content).
    var contentHasImports: Bool

    /// What an update did.
    public struct Update: Sendable {
        public enum Kind: String, Sendable {
            /// Nothing that the site shows changed.
            case none
            /// Only theme assets changed.
            case assets
            /// Pages of changed papers (and every site-wide page and feed).
            case pages
            /// Every page (templates changed).
            case allPages
            /// Everything, config included.
            case full
        }
        public var kind: Kind
        public var papersChanged = 0
        /// Pages (and, but for a full build, feeds) whose keys changed: made again when next
        /// requested (a `daybook build` would render exactly these).
        public var pagesRendered = 0
        public var markdownRendered = 0
        public var report = BuildReport()

        public init(kind: Kind, papersChanged: Int = 0, pagesRendered: Int = 0, markdownRendered: Int = 0,
                    report: BuildReport? = nil) {
            self.kind = kind
            self.papersChanged = papersChanged
            self.pagesRendered = pagesRendered
            self.markdownRendered = markdownRendered
            self.report = report ?? BuildReport()
        }
    }

    /// Builds the whole site into memory.
    public init(options: BuildOptions, origin: String? = nil,
                recordParser: RecordParser? = IncrementalBuilder.recordFileParser) throws(BuildError) {
        self.builder = SiteBuilder(options: options)
        self.origin = origin
        self.recordParser = recordParser
        let full = try IncrementalBuilder.fullBuild(builder, origin: origin, previous: nil, pages: nil)
        self.config = full.config
        self.theme = full.theme
        self.warnings = full.warnings
        self.positions = full.positions
        self.files = full.files
        self.pages = full.pages
        self.previous = full.previous
        self.contentHasImports = full.contentHasImports
    }

    /// Audits the library again when records reloaded one by one have changed it (the preview
    /// calls this after publishing a reload, so the audit never delays the page).
    public mutating func refreshWarnings() {
        guard warningsStale else { return }
        var audit = self.audit.take() ?? ContentAudit(papers: library.papers, positions: positions)
        if !auditPending.isEmpty { audit.update(papers: library.papers, positions: positions, changed: auditPending) }
        auditPending = []
        warnings = audit.warnings
        self.audit = audit
        warningsStale = false
    }

    /// The current papers, indexed.
    public var library: Library { previous.library }

    /// Every file of the current site, each page and feed made now (what a build would write):
    /// for tests and tools; the server asks `pages` for one page at a time.
    public var site: RenderedSite {
        var all = RenderedSite()
        for path in pages.paths { all[path] = pages.contents(of: path).map { .bytes($0) } }
        let search = searchFiles
        for path in search.paths { all[path] = search.text(at: path).map { .bytes(Array($0.utf8)) } }
        all.merge(files)
        return all
    }

    /// The search index's files, served from the index (not copied into `files`).
    var searchFiles: SearchFiles { previous.search.servedFiles }

    /// How many pages and feeds the site has.
    public var pageCount: Int { pages.paths.count }

    /// How many files the site has, pages and feeds and the search index's included.
    public var fileCount: Int { files.count + pageCount + searchFiles.paths.count }

    /// Brings the site up to date with `changes`. On failure nothing changes.
    public mutating func apply(_ changes: SiteChanges) throws(BuildError) -> Update {
        let start = ContinuousClock.now
        var update: Update
        if changes.everything {
            update = try rebuildEverything()
        } else {
            update = try rebuild(changes)
        }
        update.report.stages.append(.init(name: "total", seconds: start.duration(to: .now).seconds))
        return update
    }

    private mutating func rebuildEverything() throws(BuildError) -> Update {
        let full = try IncrementalBuilder.fullBuild(builder, origin: origin, previous: previous, pages: pages)
        forgetAudit()
        config = full.config
        theme = full.theme
        warnings = full.warnings
        positions = full.positions
        warningsStale = false
        files = full.files
        pages = full.pages
        previous = full.previous
        contentHasImports = full.contentHasImports
        return Update(kind: .full, papersChanged: 0, pagesRendered: full.pageCount, markdownRendered: full.markdownRendered,
                      report: full.report)
    }

    /// Everything a full build makes, reusing `previous`'s rendered Markdown where papers are unchanged.
    private struct FullBuild {
        var config: SiteConfig
        var theme: Theme
        var warnings: [Diagnostic]
        var positions: [String: RecordPositions]
        var files: RenderedSite
        var pages: PreviewPages
        var previous: PreviousBuild
        var pageCount: Int
        var contentHasImports: Bool
        var markdownRendered: Int
        var report: BuildReport
    }

    private static func fullBuild(_ builder: SiteBuilder, origin: String?, previous: PreviousBuild?,
                                  pages: PreviewPages?) throws(BuildError) -> FullBuild {
        let config = try loadConfig(builder, origin: origin)
        let theme = try builder.loadTheme(for: config)
        let loaded = try loadContent(builder)
        let library = try index(loaded.papers, config: config)
        let routes = Routes(config: config)
        let (views, made) = previous?.views(for: library, routes: routes)
            ?? (PaperViewBuilder(routes: routes).build(library.papers), library.papers.count)
        var clock = StageClock()
        var report = BuildReport()
        let collected = CollectedOutput()
        let assembly = builder.assemble(config: config, theme: theme, library: library, views: views, into: collected,
                                        clock: &clock, report: &report, renderPages: false)
        return FullBuild(config: config, theme: theme, warnings: loaded.warnings, positions: loaded.positions, files: collected.site,
                         pages: PreviewPages(renderer: assembly.renderer, jobs: assembly.jobs, keys: assembly.keys, keeping: pages),
                         previous: PreviousBuild(assembly, library: library, views: views),
                         pageCount: assembly.pageCount,
                         contentHasImports: hasImports(builder), markdownRendered: made, report: report)
    }

    mutating func rebuild(_ changes: SiteChanges) throws(BuildError) -> Update {
        var clock = StageClock()
        var report = BuildReport()
        var theme = self.theme
        if changes.templates || changes.assets { theme = try builder.loadTheme(for: config) }
        var papers: [Paper]? = nil
        var changed: [Paper] = []
        var warnings = self.warnings
        var positions = self.positions
        var warningsStale = self.warningsStale
        var hasImports = contentHasImports
        if !changes.records.isEmpty && !changes.allContent && recordParser != nil && canReloadSeparately(changes.records),
           let reloaded = try reloadSeparately(changes.records) {
            positions.merge(reloaded.positions) { _, new in new }
            warningsStale = true
            if let edits = reloaded.edits {
                if !changes.templates {
                    var update = try applyEdits(edits, clock: &clock, report: &report)
                    if audit != nil { auditPending.formUnion(edits.keys) }
                    self.positions = positions
                    self.warningsStale = self.warningsStale || update.kind != .none
                    if changes.assets {
                        replaceAssets(with: theme)
                        self.theme = theme
                        if update.kind == .none { update.kind = .assets }
                    }
                    return update
                }
                papers = Array(library.replacing(edits).papers)
                changed = IncrementalBuilder.difference(from: library, to: papers!)
            } else {
                papers = reloaded.papers
                changed = reloaded.changed
            }
        } else if changes.allContent || !changes.records.isEmpty {
            let loaded = try IncrementalBuilder.loadContent(builder)
            warnings = loaded.warnings
            positions = loaded.positions
            warningsStale = false
            papers = loaded.papers
            changed = IncrementalBuilder.difference(from: library, to: loaded.papers)
            hasImports = IncrementalBuilder.hasImports(builder)
        }
        // Papers reloaded other than in place: the next refresh audits them all.
        if papers != nil { forgetAudit() }
        if !changes.templates && changed.isEmpty {
            guard changes.assets else { return Update(kind: .none) }
            replaceAssets(with: theme)
            self.theme = theme
            return Update(kind: .assets)
        }

        clock.lap("load", into: &report)
        if !changes.templates, let papers {
            let update = try applyContent(papers, changed: changed, clock: &clock, report: &report)
            if changes.assets {
                replaceAssets(with: theme)
                self.theme = theme
            }
            self.warnings = warnings
            self.positions = positions
            self.warningsStale = warningsStale
            self.contentHasImports = hasImports
            return update
        }
        var library = self.library
        if let papers { library = try IncrementalBuilder.index(papers, config: config) }
        // Templates do not shape the search index: with the same papers, it is kept.
        let search = papers == nil ? previous.search : nil
        clock.lap("index", into: &report)
        let routes = Routes(config: config)
        let (views, made) = previous.views(for: library, routes: routes)
        clock.lap("markdown", into: &report)
        // Templates changed: every page, with the Markdown of unchanged papers reused.
        let collected = CollectedOutput()
        let assembly = builder.assemble(config: config, theme: theme, library: library, views: views, into: collected,
                                        clock: &clock, report: &report, renderPages: false, search: search)
        files = collected.site
        pages = PreviewPages(renderer: assembly.renderer, jobs: assembly.jobs, keys: assembly.keys, keeping: pages)
        clock.lap("merge", into: &report)
        self.theme = theme
        self.warnings = warnings
        self.positions = positions
        self.warningsStale = warningsStale
        self.contentHasImports = hasImports
        self.previous = PreviousBuild(assembly, library: library, views: views)
        return Update(kind: .allPages, papersChanged: changed.count,
                      pagesRendered: report.pages, markdownRendered: made, report: report)
    }

    private mutating func forgetAudit() {
        audit = nil
        auditPending = []
    }

    private mutating func replaceAssets(with theme: Theme) {
        // Only assets the old theme had and the new one lacks go; KaTeX's files are not the theme's.
        for name in self.theme.assets.keys where theme.assets[name] == nil {
            files["assets/" + name] = nil
        }
        for (name, source) in theme.assets {
            files["assets/" + name] = .copy(source: source)
        }
    }
}
