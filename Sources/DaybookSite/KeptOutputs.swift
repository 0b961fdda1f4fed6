import DaybookSearch

/// The outputs a cached build did not make because their last version is current on disk: pages
/// and feeds by path, and the search index's document files by number (at 100,000 papers, a
/// set of their paths was 100,000 strings made and hashed on every build to be looked up once).
struct KeptOutputs: Sendable {
    /// Kept pages and feeds.
    var paths: Set<String> = []
    /// Kept search document files.
    var documents = SearchIndex.KeptDocumentFiles()

    var count: Int { paths.count + documents.count }

    func contains(_ path: String) -> Bool {
        documents.containsFile(path) ?? paths.contains(path)
    }
}
