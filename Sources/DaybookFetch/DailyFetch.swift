import DaybookContent
import Foundation

/// One run of `daybook fetch`: every source for the dates asked, all downloaded and read before
/// anything is imported, so a failure anywhere writes nothing.
///
/// - `.latest(today:)`: Hugging Face's list for `today` (UTC) and arXiv's current announcement (RSS).
/// - `.range(from:to:)`: Hugging Face day by day, and one arXiv API query for the whole range
///   (papers featured on their submission day), paged.
public struct DailyFetch: Sendable {
    public enum Dates: Sendable, Hashable {
        case latest(today: Day)
        case range(from: Day, to: Day)
    }

    public var sources: [FetchSource]
    public var dates: Dates
    public var hfPageSize = 100
    public var arxivPageSize = 200

    public init(sources: [FetchSource], dates: Dates) {
        self.sources = sources
        self.dates = dates
    }

    /// Downloads and reads every source, in order; `progress` hears a line per day or page on long runs.
    public func run(client: FetchClient, arxivPacer: RequestPacer,
                    progress: @Sendable (String) -> Void = { _ in }) async throws -> [SourceBatch] {
        var batches: [SourceBatch] = []
        for source in sources {
            switch (source.kind, dates) {
            case (.huggingFace, .latest(let today)):
                batches.append(try await HuggingFaceDaily(api: source.api, pageSize: hfPageSize).fetch(day: today, client: client))
            case (.huggingFace, .range(let from, let to)):
                let days = Self.days(from: from, to: to)
                for (index, day) in days.enumerated() {
                    if days.count > 1 { progress("huggingface: \(day) (\(index + 1)/\(days.count) days)") }
                    batches.append(try await HuggingFaceDaily(api: source.api, pageSize: hfPageSize).fetch(day: day, client: client))
                }
            case (.arxiv(let categories), .latest):
                batches.append(try await ArxivAnnouncementFeed(categories: categories, api: source.api)
                    .fetch(client: client, pacer: arxivPacer))
            case (.arxiv(let categories), .range(let from, let to)):
                batches.append(try await ArxivQuery(categories: categories, api: source.api, pageSize: arxivPageSize)
                    .fetch(from: from, to: to, client: client, pacer: arxivPacer, progress: progress))
            }
        }
        return batches
    }

    /// Today in UTC.
    public static func today(now: Date = Date()) -> Day {
        Day(daysSinceEpoch: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Every day from `from` to `to`, both included.
    public static func days(from: Day, to: Day) -> [Day] {
        guard from.daysSinceEpoch <= to.daysSinceEpoch else { return [] }
        return (from.daysSinceEpoch...to.daysSinceEpoch).map(Day.init(daysSinceEpoch:))
    }
}
