import DaybookContent
import DaybookSite
import Synchronization

/// The preview's loop: builds the site into memory, watches the site's files, rebuilds what a
/// change affects, swaps the served site and tells open pages to reload, or, when a build
/// fails, reports the error in the terminal and over the page while the last good site stays.
public final class PreviewSession: Sendable {
    /// What one round of changes did.
    public enum Outcome: Sendable {
        case updated(IncrementalBuilder.Update)
        case failed(BuildError)
    }

    private struct State {
        var builder: IncrementalBuilder
        var classifier: ChangeClassifier
        /// Changes of failed rounds, retried with the next change until a build succeeds.
        var failed = SiteChanges()
    }

    public let store: PreviewStore
    public let reload: LiveReload
    private let state: Mutex<State>
    private let watcher = Mutex<FileWatcher?>(nil)
    private let log: @Sendable (String) -> Void

    /// Builds the site. `origin` (`http://127.0.0.1:8000`) replaces the config's scheme and host;
    /// its path is kept. The reload script is injected into every page.
    public init(options: BuildOptions, origin: String?, recordParser: IncrementalBuilder.RecordParser? = IncrementalBuilder.recordFileParser,
                reload: LiveReload = LiveReload(), log: @escaping @Sendable (String) -> Void = { _ in }) throws(BuildError) {
        var options = options
        options.bodyEnd = ReloadScript.markup
        let builder = try IncrementalBuilder(options: options, origin: origin, recordParser: recordParser)
        self.store = PreviewStore(PreviewSession.served(builder))
        self.reload = reload
        self.log = log
        self.state = Mutex(State(builder: builder, classifier: PreviewSession.classifier(for: builder)))
    }

    /// The site as now served.
    public var builder: IncrementalBuilder { state.withLock { $0.builder } }

    /// Starts watching `content/`, `templates/`, the theme and the config with inotify.
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
    @discardableResult
    public func apply(_ changes: SiteChanges) -> Outcome {
        let outcome: Outcome = state.withLock { state in
            var all = state.failed
            all.formUnion(changes)
            do throws(BuildError) {
                let update = try state.builder.apply(all)
                state.failed = SiteChanges()
                if update.kind == .full { state.classifier = PreviewSession.classifier(for: state.builder) }
                if update.kind != .none { store.replace(with: PreviewSession.served(state.builder)) }
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
            if update.kind == .full { try? watchFolders() }
        case .failed(let error):
            reload.publishError(error.description)
            log(error.description + "\nbuild failed: still serving the last good site")
        }
        return outcome
    }

    private func watchFolders() throws(WatchError) {
        guard let watcher = self.watcher.withLock({ $0 }) else { return }
        let classifier = state.withLock { $0.classifier }
        try watcher.watch(classifier.siteRoot, recursive: false)
        let configFolder = String(classifier.configPath[..<(classifier.configPath.lastIndex(of: "/") ?? classifier.configPath.startIndex)])
        if !configFolder.isEmpty && configFolder != classifier.siteRoot { try watcher.watch(configFolder, recursive: false) }
        for folder in [classifier.siteRoot + "/content", classifier.siteRoot + "/templates", classifier.themeDirectory]
        where !watcher.isWatching(folder) {
            try watcher.watch(folder)
        }
    }

    static func served(_ builder: IncrementalBuilder) -> PreviewSite {
        PreviewSite(site: builder.site, basePath: builder.config.basePath, assetDirectory: builder.theme.directory + "/assets")
    }

    static func classifier(for builder: IncrementalBuilder) -> ChangeClassifier {
        let options = builder.builder.options
        let given = options.siteRoot.hasSuffix("/") ? String(options.siteRoot.dropLast()) : options.siteRoot
        let root = PreviewSite.resolved(given) ?? given
        let config = options.configPath.hasPrefix("/") ? options.configPath : root + "/" + options.configPath
        let theme = PreviewSite.resolved(builder.theme.directory) ?? builder.theme.directory
        return ChangeClassifier(siteRoot: root, configPath: config, themeDirectory: theme)
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
            return "Rebuilt (\(update.kind.rawValue)): \(papers)\(update.pagesRendered) pages rendered, "
                + "\(update.markdownRendered) abstracts converted, in \(milliseconds) ms (\(stages))"
        }
    }
}
