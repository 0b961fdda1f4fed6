/// What an importer read from one input: papers in input order, and warnings about them.
public struct ImportedPapers: Sendable, Hashable {
    public var papers: [Paper]
    /// Things worth a look that did not stop the import (a title without an abstract, …).
    public var warnings: [Diagnostic]

    public init(papers: [Paper] = [], warnings: [Diagnostic] = []) {
        self.papers = papers
        self.warnings = warnings
    }
}
