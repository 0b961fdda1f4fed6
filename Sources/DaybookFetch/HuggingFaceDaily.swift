import DaybookContent

/// Hugging Face's daily papers: `GET /api/daily_papers?date=D&limit=L&p=N`, page after page while a
/// page comes back full. A day whose first page is empty is not published yet: nothing, and no error.
public struct HuggingFaceDaily: Sendable {
    public static let defaultAPI = "https://huggingface.co"
    /// Scheme, host and port; the path `/api/daily_papers` is kept.
    public var api: String
    /// Items per page (the API allows at most 100).
    public var pageSize: Int
    /// A guard against a server that ignores `p` and returns the same full page forever.
    public var maxPages: Int

    public init(api: String? = nil, pageSize: Int = 100, maxPages: Int = 50) {
        self.api = api ?? Self.defaultAPI
        self.pageSize = max(1, min(100, pageSize))
        self.maxPages = maxPages
    }

    public func url(day: Day, page: Int) -> String {
        "\(api)/api/daily_papers?" + Query.string([("date", day.description), ("limit", "\(pageSize)"), ("p", "\(page)")])
    }

    public func fetch(day: Day, client: FetchClient) async throws -> SourceBatch {
        var batch = SourceBatch(label: "huggingface \(day)")
        try await batch.collectPages(pageSize: pageSize, maxPages: maxPages, accept: "application/json", client: client,
                                     pacer: nil, url: { url(day: day, page: $0) }) { (body, url) throws(ContentError) in
            try HuggingFacePaperDecoder.decode(bytes: body, path: url, requestedDay: day)
        }
        if batch.papers.isEmpty { batch.nothingBecause = "no papers listed (not published yet, or none that day)" }
        return batch
    }
}
