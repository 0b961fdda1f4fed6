import DaybookContent
@testable import DaybookFetch
import DaybookHTTP
import Foundation
import Testing

@Suite("Sources: Hugging Face paging, arXiv API paging and pacing, the announcement feed")
struct SourcePagingTests {
    static let api = "http://127.0.0.1:9"

    /// A daily-papers page of items with these ids, in the 2025 schema.
    static func hfPage(_ ids: [String], day: String = "2026-12-01") -> String {
        "[" + ids.map { id in
            """
            {"paper": {"id": "\(id)", "title": "Paper \(id)", "authors": [{"name": "A", "hidden": false}],
             "upvotes": 1, "submittedOnDailyAt": "\(day)T00:00:00.000Z", "summary": "S."},
             "publishedAt": "\(day)T00:00:00.000Z", "title": "Paper \(id)"}
            """
        }.joined(separator: ",") + "]"
    }

    func client(_ transport: ScriptedTransport) -> FetchClient {
        FetchClient(transport: transport, userAgent: "t", retry: .none, sleep: RecordedSleeps().sleep)
    }

    @Test func hfPagesUntilAShortPage() async throws {
        let source = HuggingFaceDaily(api: Self.api, pageSize: 2)
        let day = Day(iso: "2026-12-01")!
        #expect(source.url(day: day, page: 1) == "http://127.0.0.1:9/api/daily_papers?date=2026-12-01&limit=2&p=1")
        let transport = ScriptedTransport([
            source.url(day: day, page: 0): [ScriptedTransport.ok(Self.hfPage(["2612.00001", "2612.00002"]))],
            // The day grew while it was read: 2612.00002 moved to page 1; it is kept once.
            source.url(day: day, page: 1): [ScriptedTransport.ok(Self.hfPage(["2612.00002", "2612.00003"]))],
            source.url(day: day, page: 2): [ScriptedTransport.ok(Self.hfPage(["2612.00004"]))],
        ])
        let batch = try await source.fetch(day: day, client: client(transport))
        #expect(batch.papers.map(\.id) == ["2612.00001", "2612.00002", "2612.00003", "2612.00004"])
        #expect(transport.urls.count == 3)
        #expect(batch.summary == "4 papers (3 downloads)")
    }

    @Test func hfStopsWhenAServerIgnoresThePage() async throws {
        let source = HuggingFaceDaily(api: Self.api, pageSize: 2)
        let day = Day(iso: "2026-12-01")!
        let page = ScriptedTransport.ok(Self.hfPage(["2612.00001", "2612.00002"]))
        let transport = ScriptedTransport([source.url(day: day, page: 0): [page], source.url(day: day, page: 1): [page]])
        let batch = try await source.fetch(day: day, client: client(transport))
        #expect(batch.papers.count == 2 && transport.urls.count == 2)
    }

    @Test func anEmptyHFDayIsNothingAndNoError() async throws {
        let source = HuggingFaceDaily(api: Self.api)
        let day = Day(iso: "2026-12-02")!
        let transport = ScriptedTransport([source.url(day: day, page: 0): [ScriptedTransport.ok("[]")]])
        let batch = try await source.fetch(day: day, client: client(transport))
        #expect(batch.papers.isEmpty)
        #expect(batch.summary == "no papers listed (not published yet, or none that day)")
    }

    @Test func anUnreadableHFPageNamesTheURLAndTheFirstProblem() async {
        let source = HuggingFaceDaily(api: Self.api)
        let day = Day(iso: "2026-12-01")!
        let url = source.url(day: day, page: 0)
        let transport = ScriptedTransport([url: [ScriptedTransport.ok("[{\"paper\": {\"id\": \"2612.00001\", \"title\": \"T\", \"upvotes\": \"many\"")]])
        await #expect(throws: FetchError(url: url, cause: "unreadable response: line 1, column 64: invalid JSON: the object is not closed: expected ',' or '}'")) {
            _ = try await source.fetch(day: day, client: client(transport))
        }
    }

    static func atomPage(_ ids: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
        \(ids.map { "<entry><id>http://arxiv.org/abs/\($0)v1</id><published>2024-03-04T10:00:00Z</published><title>T \($0)</title><summary>S.</summary><author><name>A</name></author></entry>" }.joined(separator: "\n"))
        </feed>
        """
    }

    @Test func arxivQueryPagesAndWaitsForThePacerBetweenRequests() async throws {
        let query = ArxivQuery(categories: ["cs.CL", "cs.LG"], api: Self.api, pageSize: 2)
        let from = Day(iso: "2024-03-04")!, to = Day(iso: "2024-03-06")!
        #expect(query.searchQuery(from: from, to: to) == "(cat:cs.CL OR cat:cs.LG) AND submittedDate:[202403040000 TO 202403062359]")
        #expect(query.url(from: from, to: to, start: 2) == "http://127.0.0.1:9/api/query?search_query=%28cat%3Acs.CL%20OR%20cat%3Acs.LG%29%20AND%20submittedDate%3A%5B202403040000%20TO%20202403062359%5D&start=2&max_results=2&sortBy=submittedDate&sortOrder=ascending")
        let transport = ScriptedTransport([
            query.url(from: from, to: to, start: 0): [ScriptedTransport.ok(Self.atomPage(["2403.00001", "2403.00002"]))],
            query.url(from: from, to: to, start: 2): [ScriptedTransport.ok(Self.atomPage(["2403.00003"]))],
        ])
        let sleeps = RecordedSleeps()
        let pacer = RequestPacer(interval: .seconds(3), sleep: sleeps.sleep)
        let batch = try await query.fetch(from: from, to: to, client: client(transport), pacer: pacer)
        #expect(batch.papers.map(\.id) == ["2403.00001", "2403.00002", "2403.00003"])
        #expect(batch.papers.allSatisfy { $0.day == from })
        #expect(sleeps.waits.count == 1)
        #expect(sleeps.waits[0] > .milliseconds(2900) && sleeps.waits[0] <= .seconds(3))
    }

    @Test func anArxivErrorEntryIsAFailureNamingTheURL() async {
        let query = ArxivQuery(categories: ["cs.CL"], api: Self.api)
        let day = Day(iso: "2024-03-04")!
        let url = query.url(from: day, to: day, start: 0)
        let error = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#x</id><title>Error</title>
            <summary>incorrect id format</summary></entry></feed>
            """
        let transport = ScriptedTransport([url: [ScriptedTransport.ok(error)]])
        await #expect(throws: FetchError(url: url, cause: "unreadable response: line 1, column 49: the arXiv API returned an error: incorrect id format")) {
            _ = try await query.fetch(from: day, to: day, client: client(transport), pacer: nil)
        }
    }

    @Test func theAnnouncementFeedKeepsReplacementsApart() async throws {
        let feed = ArxivAnnouncementFeed(categories: ["cs.CL", "cs.LG"], api: Self.api)
        #expect(feed.url == "http://127.0.0.1:9/rss/cs.CL+cs.LG")
        let sample = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ImportFixtures/arxiv-rss.sample.xml"), encoding: .utf8)
        let transport = ScriptedTransport([feed.url: [ScriptedTransport.ok(sample)]])
        let batch = try await feed.fetch(client: client(transport), pacer: nil)
        #expect(batch.label == "arxiv cs.CL+cs.LG 2025-09-08")
        #expect(batch.papers.count == 2 && batch.updates.count == 2)
        #expect(batch.summary == "2 papers, 2 new versions (1 download)")
    }

    @Test func thePacerSpacesRequestStartsOnly() async throws {
        let sleeps = RecordedSleeps()
        let pacer = RequestPacer(interval: .seconds(3), sleep: sleeps.sleep)
        try await pacer.waitTurn()
        #expect(sleeps.waits.isEmpty, "the first request goes at once")
        try await pacer.waitTurn()
        try await pacer.waitTurn()
        #expect(sleeps.waits.count == 2)
        #expect(sleeps.waits.allSatisfy { $0 > .milliseconds(2900) && $0 <= .seconds(3) })
    }

    @Test func backfillDaysIncludeBothEnds() {
        #expect(DailyFetch.days(from: Day(iso: "2024-02-28")!, to: Day(iso: "2024-03-01")!).map(\.description)
                == ["2024-02-28", "2024-02-29", "2024-03-01"])
        #expect(DailyFetch.days(from: Day(iso: "2024-03-02")!, to: Day(iso: "2024-03-01")!).isEmpty)
        #expect(DailyFetch.today(now: Date(timeIntervalSince1970: 86_400 * 3 - 1)) == Day(iso: "1970-01-03"))
    }
}
