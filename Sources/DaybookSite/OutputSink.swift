import Synchronization

/// Where a build puts its outputs as they are made, from any thread: staged on disk for the
/// output folder (`StagedOutput`, so a build never holds the whole site) or held in memory
/// (`CollectedOutput`, for `check` and the preview). A path added twice keeps the later file.
package protocol OutputSink: Sendable {
    func add(_ path: String, _ file: RenderedSite.File)
    /// Whether an output could not be taken (a write failed): the build stops making more.
    var hasFailed: Bool { get }
}

/// Outputs held in memory as one `RenderedSite`.
package final class CollectedOutput: OutputSink {
    private let collected = Mutex(RenderedSite())

    package init() {}

    package func add(_ path: String, _ file: RenderedSite.File) {
        collected.withLock { $0[path] = file }
    }

    package var hasFailed: Bool { false }

    /// Everything added so far.
    package var site: RenderedSite { collected.withLock { $0 } }
}
