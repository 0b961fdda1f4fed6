import DaybookContent
import Foundation

/// arXiv's daily announcement: `GET /rss/cs.CL+cs.LG` on rss.arxiv.org, one feed for today's
/// mailing. `new` and `cross` items are the day's papers, `replace` items update papers the site
/// has. A feed without items (weekends, holidays) is nothing, and no error; an error feed (a bad
/// category) is an error.
public struct ArxivAnnouncementFeed: Sendable {
    public static let defaultAPI = "https://rss.arxiv.org"
    public var api: String
    public var categories: [String]

    public init(categories: [String], api: String? = nil) {
        self.categories = categories
        self.api = api ?? Self.defaultAPI
    }

    public var url: String { "\(api)/rss/\(categories.joined(separator: "+"))" }

    public func fetch(client: FetchClient, pacer: RequestPacer?) async throws -> SourceBatch {
        let fetched = try await client.get(url, accept: "application/rss+xml, application/xml", pacer: pacer)
        let announcement: ArxivRSSImporter.Announcement
        do {
            announcement = try ArxivRSSImporter().announcement(from: Data(fetched.body), path: url)
        } catch {
            throw FetchError(url: url, unreadable: error)
        }
        var batch = SourceBatch(label: "arxiv \(categories.joined(separator: "+")) \(announcement.day.map { "\($0)" } ?? "today")")
        batch.downloads = [fetched]
        batch.papers = announcement.papers
        batch.updates = announcement.updates
        if batch.papers.isEmpty, batch.updates.isEmpty {
            batch.nothingBecause = "no announcement (arXiv announces nothing on weekends and holidays)"
        }
        return batch
    }
}
