import DaybookContent
import DaybookSystem

/// What one source brought for a day or a range: papers ready for the importer, and the
/// downloads that held them (their cache entries are stored once the import succeeded).
public struct SourceBatch: Sendable {
    /// `huggingface 2026-12-01`, `arxiv cs.CL+cs.LG 2026-12-01`.
    public var label: String
    public var papers: [Paper] = []
    /// Papers that only update records already present (arXiv `replace` announcements).
    public var updates: [Paper] = []
    /// Why there is nothing, when a day is not published yet or had no announcement; nil otherwise.
    public var nothingBecause: String?
    public var downloads: [FetchClient.Fetched] = []

    public init(label: String) {
        self.label = label
    }

    /// Fetches page after page (`url(0)`, `url(1)`, …) into `papers`, each read by `decode`; stops at a
    /// page shorter than `pageSize`, a page with no paper not seen before (a server ignoring the page
    /// parameter), or after `maxPages`. A paper that moved to a later page while the list grew keeps its first copy.
    mutating func collectPages(pageSize: Int, maxPages: Int, accept: String, client: FetchClient, pacer: RequestPacer?,
                               url: (Int) -> String, willFetch: (Int) -> Void = { _ in },
                               decode: ([UInt8], String) throws(ContentError) -> [Paper]) async throws {
        var seen = Set(papers.map(\.id))
        for page in 0..<maxPages {
            let url = url(page)
            willFetch(page)
            let fetched = try await client.get(url, accept: accept, pacer: pacer)
            downloads.append(fetched)
            let decoded: [Paper]
            do {
                decoded = try decode(fetched.body, url)
            } catch {
                throw FetchError(url: url, unreadable: error)
            }
            let fresh = decoded.filter { seen.insert($0.id).inserted }
            papers += fresh
            if decoded.count < pageSize || fresh.isEmpty { break }
        }
    }

    /// `47 papers`, `312 papers, 140 new versions`, `not published yet`.
    public var summary: String {
        if let nothingBecause, papers.isEmpty, updates.isEmpty { return nothingBecause }
        var text = "\(papers.count) \(papers.count == 1 ? "paper" : "papers")"
        if !updates.isEmpty { text += ", \(updates.count) new \(updates.count == 1 ? "version" : "versions")" }
        let requests = downloads.count
        let unchanged = downloads.count { $0.notModified }
        text += " (\(requests) \(requests == 1 ? "download" : "downloads")\(unchanged > 0 ? ", \(unchanged) not modified" : ""))"
        return text
    }
}

/// Query strings for the services' GET endpoints.
enum Query {
    /// `date=2026-12-01&limit=100&p=0`, each value percent-encoded (a space as `%20`).
    static func string(_ items: [(String, String)]) -> String {
        items.map { "\($0.0)=\(URIEncoding.encode($0.1))" }.joined(separator: "&")
    }
}
