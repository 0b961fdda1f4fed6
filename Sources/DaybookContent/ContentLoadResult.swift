/// What `ContentLoader.load()` found: one merged paper per id, sorted by id, and warnings about
/// suspicious but valid records.
public struct ContentLoadResult: Sendable {
    public var papers: [Paper]
    /// Sorted by file and position; each has `severity == .warning`.
    public var warnings: [Diagnostic]
    /// Where each `.md` record wrote the fields warnings point at, by paper id.
    public var positions: [String: RecordPositions]

    public init(papers: [Paper], warnings: [Diagnostic], positions: [String: RecordPositions] = [:]) {
        self.papers = papers
        self.warnings = warnings
        self.positions = positions
    }
}
