import DaybookContent
import DaybookRender
import DaybookSite
import Synchronization

/// The preview's loop: builds the site into memory, watches the site's files, rebuilds what a
/// change affects, swaps the served site and tells open pages to reload, or, when a build
/// fails, reports the error in the terminal and over the page while the last good site stays.
/// When even the first build fails, a page saying so (with the error over it) is served and
/// every save retries the whole build until one succeeds.
public final class PreviewSession: Sendable {
    /// What one round of changes did.
    public enum Outcome: Sendable {
        case updated(IncrementalBuilder.Update)
        case failed(BuildError)
    }

    private struct State {
        /// nil until a build has succeeded.
        var builder: IncrementalBuilder?
        var classifier: ChangeClassifier
        /// Changes of failed rounds, retried with the next change until a build succeeds.
        var failed = SiteChanges()
        /// The warnings last printed, so each round prints only what is new.
        var warnings: [Diagnostic] = []
    }

    public let store: PreviewStore
    public let reload: LiveReload
    /// Why the first build failed; nil when it succeeded.
    public let startError: BuildError?
    private let options: BuildOptions
    private let origin: String?
    private let recordParser: IncrementalBuilder.RecordParser?
    private let state: Mutex<State>
    private let watcher = Mutex<FileWatcher?>(nil)
    private let log: @Sendable (String) -> Void

    /// Builds the site. `origin` (`http://127.0.0.1:8000`) replaces the config's scheme and host;
    /// its path is kept. The reload script is injected into every page. A failed build does not
    /// throw: `startError` says why, and the session serves an error page until a save fixes it.
    public init(options: BuildOptions, origin: String?, recordParser: IncrementalBuilder.RecordParser? = IncrementalBuilder.recordFileParser,
                reload: LiveReload = LiveReload(), log: @escaping @Sendable (String) -> Void = { _ in }) {
        var options = options
        options.bodyEnd = ReloadScript.markup
        self.options = options
        self.origin = origin
        self.recordParser = recordParser
        self.reload = reload
        self.log = log
        do throws(BuildError) {
            let builder = try IncrementalBuilder(options: options, origin: origin, recordParser: recordParser)
            self.startError = nil
            self.store = PreviewStore(PreviewSession.served(builder))
            self.state = Mutex(State(builder: builder, classifier: PreviewSession.classifier(for: builder),
                                     warnings: builder.warnings))
        } catch {
            self.startError = error
            self.store = PreviewStore(PreviewSession.waitingSite(options: options))
            self.state = Mutex(State(builder: nil, classifier: PreviewSession.classifier(options: options)))
            reload.publishError(error.description)
        }
    }

    /// The site as now served; nil while no build has succeeded.
    public var builder: IncrementalBuilder? { state.withLock { $0.builder } }

    /// Starts watching `content/`, `templates/`, `i18n/`, the theme and the config with inotify.
    public func startWatching(debounce: Duration = .milliseconds(3)) throws(WatchError) {
        let log = self.log
        let watcher = try FileWatcher(debounce: debounce, onError: { log("error: \($0.description)") }) { [weak self] events in
            self?.handle(events)
        }
        self.watcher.withLock { $0 = watcher }
        try watchFolders()
        watcher.start()
    }

    /// Stops watching and closes every event stream.
    public func stop() {
        let watcher = self.watcher.withLock { current in
            defer { current = nil }
            return current
        }
        watcher?.stop()
        reload.close()
    }

    /// Classifies watcher events and applies them.
    func handle(_ events: [FileWatcher.Event]) {
        let batch = state.withLock { $0.classifier.classify(events) }
        if batch.foldersAppeared {
            do {
                try watchFolders()
            } catch {
                log("error: \(error.description)")
            }
        }
        guard !batch.changes.isEmpty else { return }
        _ = apply(batch.changes)
    }

    /// Brings the site up to date with `changes` (and any that failed before), then swaps the
    /// served site and publishes a reload, or reports the error and keeps the last good site.
    /// Without a good build yet, any change retries the whole build.
    @discardableResult
    public func apply(_ changes: SiteChanges) -> Outcome {
        let outcome: Outcome = state.withLock { state in
            var all = state.failed
            all.formUnion(changes)
            do throws(BuildError) {
                let update: IncrementalBuilder.Update
                if var builder = state.builder.take() {
                    // Taken out of the state so that it is the only reference to its storage: an
                    // update then changes the library, jobs and search index in place, not copies.
                    do throws(BuildError) {
                        update = try builder.apply(all)
                        state.builder = builder
                    } catch {
                        state.builder = builder
                        throw error
                    }
                } else {
                    let builder = try IncrementalBuilder(options: options, origin: origin, recordParser: recordParser)
                    state.builder = builder
                    update = IncrementalBuilder.Update(kind: .full, pagesRendered: builder.pageCount,
                                                       markdownRendered: builder.library.papers.count)
                }
                state.failed = SiteChanges()
                guard let builder = state.builder else { return .updated(update) }
                if update.kind == .full { state.classifier = PreviewSession.classifier(for: builder) }
                if update.kind != .none { store.replace(with: PreviewSession.served(builder)) }
                return .updated(update)
            } catch {
                state.failed = all
                return .failed(error)
            }
        }
        switch outcome {
        case .updated(let update):
            if update.kind == .none {
                reload.publishOK()
            } else {
                reload.publishReload()
            }
            log(PreviewSession.summary(update))
            logNewWarnings()
            if update.kind == .full { try? watchFolders() }
        case .failed(let error):
            reload.publishError(error.description)
            let served = state.withLock { $0.builder == nil } ? "no site yet: fix the error and save" : "still serving the last good site"
            log(error.description + "\nbuild failed: \(served)")
        }
        return outcome
    }

    /// Brings the builder's warnings up to date (the fast path leaves them for after the reload)
    /// and prints those not printed before, and how many went away.
    private func logNewWarnings() {
        let (added, cleared) = state.withLock { state -> ([Diagnostic], Int) in
            guard var builder = state.builder.take() else { return ([], 0) }
            builder.refreshWarnings()
            state.builder = builder
            let now = builder.warnings
            let before = Set(state.warnings)
            let after = Set(now)
            state.warnings = now
            return (now.filter { !before.contains($0) }, before.subtracting(after).count)
        }
        for warning in added { log(warning.description) }
        if cleared > 0 { log(cleared == 1 ? "1 warning cleared" : "\(cleared) warnings cleared") }
    }

    private func watchFolders() throws(WatchError) {
        guard let watcher = self.watcher.withLock({ $0 }) else { return }
        let classifier = state.withLock { $0.classifier }
        try watcher.watch(classifier.siteRoot, recursive: false)
        let configFolder = String(classifier.configPath[..<(classifier.configPath.lastIndex(of: "/") ?? classifier.configPath.startIndex)])
        if !configFolder.isEmpty && configFolder != classifier.siteRoot { try watcher.watch(configFolder, recursive: false) }
        for folder in [classifier.siteRoot + "/content", classifier.siteRoot + "/templates", classifier.siteRoot + "/i18n",
                       classifier.themeDirectory]
        where !watcher.isWatching(folder) {
            try watcher.watch(folder)
        }
    }

    /// What is served before any build succeeded: a page saying so on every path (as the 404
    /// page too), which shows the error over it and reloads when a save fixes the build.
    static func waitingSite(options: BuildOptions) -> PreviewSite {
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>daybook serve: the build failed</title></head>
            <body><h1>The site did not build</h1><p>Fix the error shown in the terminal and save: this page reloads.</p>
            \(options.bodyEnd)</body></html>
            """
        var site = RenderedSite()
        site.add("index.html", page)
        site.add("404.html", page)
        let basePath = (try? SiteConfigLoader.load(path: options.resolve(options.configPath), displayPath: options.configPath))?.basePath ?? "/"
        return PreviewSite(site: site, basePath: basePath, assetDirectory: options.siteRoot)
    }

    static func served(_ builder: IncrementalBuilder) -> PreviewSite {
        PreviewSite(site: builder.files, pages: builder.pages, search: builder.searchFiles, basePath: builder.config.basePath,
                    assetDirectory: builder.theme.directory + "/assets",
                    mathDirectory: MathAssets.directory(explicit: builder.builder.options.katexDirectory))
    }

    /// The classifier before any build succeeded: the theme is the one the config names, in the
    /// site's `Themes/` folder (a theme found elsewhere is picked up by the first good build).
    static func classifier(options: BuildOptions) -> ChangeClassifier {
        let (root, config) = watchedPaths(options)
        let name = (try? SiteConfigLoader.load(path: config, displayPath: options.configPath))?.theme ?? "default"
        let theme = (try? ThemeLoader(siteRoot: options.siteRoot).load(name: name))?.directory ?? root + "/Themes/" + name
        return ChangeClassifier(siteRoot: root, configPath: config, themeDirectory: PreviewSite.resolved(theme) ?? theme)
    }

    static func classifier(for builder: IncrementalBuilder) -> ChangeClassifier {
        let (root, config) = watchedPaths(builder.builder.options)
        let theme = PreviewSite.resolved(builder.theme.directory) ?? builder.theme.directory
        return ChangeClassifier(siteRoot: root, configPath: config, themeDirectory: theme)
    }

    /// The site folder (symlinks resolved, no trailing slash) and the config file's absolute path.
    private static func watchedPaths(_ options: BuildOptions) -> (root: String, config: String) {
        let given = options.siteRoot.hasSuffix("/") ? String(options.siteRoot.dropLast()) : options.siteRoot
        let root = PreviewSite.resolved(given) ?? given
        return (root, options.configPath.hasPrefix("/") ? options.configPath : root + "/" + options.configPath)
    }

    static func summary(_ update: IncrementalBuilder.Update) -> String {
        let time = (update.report.stages.last?.seconds ?? 0) * 1000
        let milliseconds = time < 10 ? String(Double(Int(time * 10)) / 10) : String(Int(time))
        switch update.kind {
        case .none: return "No visible change (\(milliseconds) ms)"
        case .assets: return "Assets updated (\(milliseconds) ms)"
        case .pages, .allPages, .full:
            let papers = update.kind == .pages ? "\(update.papersChanged) paper version\(update.papersChanged == 1 ? "" : "s") changed, " : ""
            let stages = update.report.stages.dropLast().map { "\($0.name) \(Int($0.seconds * 1000))" }.joined(separator: ", ")
            return "Rebuilt (\(update.kind.rawValue)): \(papers)\(update.pagesRendered) pages to make again when requested, "
                + "\(update.markdownRendered) abstracts converted, in \(milliseconds) ms (\(stages))"
        }
    }
}
