/// What an importer read from one input: papers in input order, and warnings about them.
public struct ImportedPapers: Sendable, Hashable {
    public var papers: [Paper]
    /// Papers that may only update records already present, never create one (arXiv's `replace`
    /// announcements: a new version of an older paper is not a paper of the day).
    public var updates: [Paper]
    /// Things worth a look that did not stop the import (a title without an abstract, …).
    public var warnings: [Diagnostic]

    public init(papers: [Paper] = [], updates: [Paper] = [], warnings: [Diagnostic] = []) {
        self.papers = papers
        self.updates = updates
        self.warnings = warnings
    }
}
