// TEMPORARY until the search branch lands.
public struct SearchIndex: Sendable {
    public struct Change: Sendable {
        public var written: [(path: String, text: String)]
        public var removed: [String]
    }
    public let files: [(path: String, text: String)]
    public init(routes: Routes, library: Library, views: [PaperView]) {
        files = SearchIndexWriter(routes: routes).write(library: library, views: views)
    }
    public mutating func update(old: Library, new: Library, views: [PaperView], changed: [Int]) -> Change? { nil }
}
