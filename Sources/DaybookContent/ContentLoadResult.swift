import DaybookSystem

/// What `ContentLoader.load()` found: one merged paper per id, sorted by id, and warnings about
/// suspicious but valid records.
public struct ContentLoadResult: Sendable {
    public var papers: [Paper]
    /// Sorted by file and position; each has `severity == .warning`.
    public var warnings: [Diagnostic]
    /// Where each `.md` record wrote the fields warnings point at, by paper id.
    public var positions: [String: RecordPositions]
    /// What each file parsed to, by display path in path order, for files whose stamp the load
    /// was given (`ContentLoader.load(reusing:)`): the build cache keeps them for the next build.
    package var parsedFiles: [(path: String, file: ParsedContentFile)] = []
    /// The files (display paths) that were read and parsed, not reused.
    package var parsedNow: Set<String> = []
    /// The warnings, when they are being made on another core (`load(reusing:auditingAside:)`).
    package var pendingWarnings: BackgroundWork<[Diagnostic]>?

    public init(papers: [Paper], warnings: [Diagnostic], positions: [String: RecordPositions] = [:]) {
        self.papers = papers
        self.warnings = warnings
        self.positions = positions
    }
}
