import DaybookLibrary
import DaybookRender

/// The files of the static search index under `search/index/`, made in one go from a library
/// (paths and texts; nothing is written to disk here). See `SearchIndex` for the format and for
/// keeping an index up to date edit by edit.
public struct SearchIndexFiles: Sendable {
    public let routes: Routes
    public var docsPerShard = 1
    public var maxPostings = 10_000

    public init(routes: Routes) {
        self.routes = routes
    }

    /// Output files by path relative to the output folder, in a fixed order.
    public func files(library: Library, views: [PaperView]) -> [(path: String, text: String)] {
        SearchIndex(routes: routes, library: library, views: views, docsPerShard: docsPerShard, maxPostings: maxPostings).files
    }
}
