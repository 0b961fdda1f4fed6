/// What `ContentLoader.load()` found: one merged paper per id, sorted by id, and warnings about
/// suspicious but valid records.
public struct ContentLoadResult: Sendable {
    public var papers: [Paper]
    /// Sorted by file and position; each has `severity == .warning`.
    public var warnings: [Diagnostic]

    public init(papers: [Paper], warnings: [Diagnostic]) {
        self.papers = papers
        self.warnings = warnings
    }
}
