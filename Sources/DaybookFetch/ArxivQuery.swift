import DaybookContent
import Foundation

/// The arXiv API for backfills: `GET /api/query` on export.arxiv.org for the categories' papers
/// submitted in a date range, `pageSize` entries a page, oldest first, until a page comes back short.
/// Each paper is featured on its submission (v1) day. Requests are spaced by the caller's pacer
/// (arXiv: one every 3 seconds).
public struct ArxivQuery: Sendable {
    public static let defaultAPI = "https://export.arxiv.org"
    public var api: String
    public var categories: [String]
    public var pageSize: Int
    public var maxPages: Int

    public init(categories: [String], api: String? = nil, pageSize: Int = 200, maxPages: Int = 100) {
        self.categories = categories
        self.api = api ?? Self.defaultAPI
        self.pageSize = max(1, min(2000, pageSize))
        self.maxPages = maxPages
    }

    /// `(cat:cs.CL OR cat:cs.LG) AND submittedDate:[202612010000 TO 202612012359]`
    public func searchQuery(from: Day, to: Day) -> String {
        let categories = categories.map { "cat:\($0)" }.joined(separator: " OR ")
        func stamp(_ day: Day) -> String { day.description.replacingOccurrences(of: "-", with: "") }
        return "(\(categories)) AND submittedDate:[\(stamp(from))0000 TO \(stamp(to))2359]"
    }

    public func url(from: Day, to: Day, start: Int) -> String {
        "\(api)/api/query?" + Query.string([
            ("search_query", searchQuery(from: from, to: to)), ("start", "\(start)"), ("max_results", "\(pageSize)"),
            ("sortBy", "submittedDate"), ("sortOrder", "ascending"),
        ])
    }

    /// Pages through the range; `progress` hears about every page after the first.
    public func fetch(from: Day, to: Day, client: FetchClient, pacer: RequestPacer?,
                      progress: @Sendable (String) -> Void = { _ in }) async throws -> SourceBatch {
        var batch = SourceBatch(label: "arxiv \(categories.joined(separator: "+")) \(from == to ? "\(from)" : "\(from) to \(to)")")
        let label = batch.label
        try await batch.collectPages(pageSize: pageSize, maxPages: maxPages, accept: "application/atom+xml, application/xml",
                                     client: client, pacer: pacer, url: { url(from: from, to: to, start: $0 * pageSize) },
                                     willFetch: { page in if page > 0 { progress("\(label): page \(page + 1)") } }) { (body, url) throws(ContentError) in
            try ArxivAtomImporter().papers(from: Data(body), path: url).papers
        }
        if batch.papers.isEmpty { batch.nothingBecause = "no papers submitted in these categories" }
        return batch
    }
}
