import Foundation
import Testing

/// `daybook fetch` against the replay server (`Tests/Replay`), as a user runs it.
@Suite("daybook fetch, run as a user runs it, against recorded responses")
struct FetchCommandTests {
    typealias Route = ReplayServer.Route
    typealias Response = ReplayServer.Response

    /// A site whose daybook.yml points both sources at `server`.
    static func site(server: ReplayServer, fixture: String? = nil, categories: String = "[cs.CL, cs.LG]") throws -> SiteFolder {
        let site = try fixture.map { try SiteFolder(fixture: $0) } ?? SiteFolder()
        site.write("daybook.yml", """
            title: Replayed Papers
            base_url: https://example.org/papers/
            contact: tests@example.org
            sources:
              - huggingface: daily
                api: \(server.address)
              - arxiv: \(categories)
                api: \(server.address)
            """)
        return site
    }

    static let fast = ["--retry-delay", "0.01", "--arxiv-interval", "0.01"]

    static let realDay = [
        Route(path: "/api/daily_papers", query: ["p": "0"],
              responses: [.recorded("hf-2026-12-01.json", etag: "\"hf-2026-12-01-v1\"")]),
        Route(path: "/rss/cs.CL+cs.LG",
              responses: [.recorded("arxiv-rss-2026-12-01.xml", lastModified: "Tue, 01 Dec 2026 05:02:11 GMT")]),
    ]

    @Test("a real day: both sources, records written, a second run asks 'changed since?' and changes nothing")
    func aRealDay() throws {
        let server = try ReplayServer(Self.realDay)
        defer { server.stop() }
        let site = try Self.site(server: server, fixture: "valid-site")
        defer { site.remove() }

        let result = try site.daybook(["fetch"] + Self.fast)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 4, "\(result)")
        #expect(result.stdoutLines[0].hasSuffix(": 48 papers (1 download)") && result.stdoutLines[0].hasPrefix("huggingface 20"), "\(result)")
        #expect(result.stdoutLines[1] == "arxiv cs.CL+cs.LG 2026-12-01: 320 papers, 150 new versions (1 download)", "\(result)")
        // 12 arXiv papers are also on Hugging Face's list; 1 replacement is a paper the fixture has (Tests/Replay/README.md).
        #expect(result.stdoutLines[2] == "Fetched 368 papers into content: 356 new, 13 updated, 0 unchanged, 0 skipped, "
                + "149 new versions of papers not on this site", "\(result)")
        #expect(result.stdoutLines[3].hasPrefix("Time: ") && result.stdoutLines[3].hasSuffix(", 2 requests"), "\(result)")
        #expect(result.stderr.isEmpty, "\(result)")
        #expect(site.files(under: "content/papers/2026-12-01").count == 356)
        let replaced = site.read("content/papers/2025-09-08/2509.04664.md") ?? ""
        #expect(replaced.contains("day: 2025-09-08"), "a replacement keeps the paper's day")
        #expect(site.exists(".daybook-cache/fetch"))

        let requests = server.requests
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.headers["user-agent"] == "Daybook/0.4.0 (mailto:tests@example.org)" })
        #expect(requests[0].query["limit"] == "100")

        let before = site.snapshot(under: "content")
        let again = try site.daybook(["fetch"] + Self.fast)
        #expect(again.status == 0, "\(again)")
        #expect(again.stdoutLines[0].hasSuffix(": 48 papers (1 download, 1 not modified)"), "\(again)")
        #expect(again.stdoutLines[2] == "Fetched 368 papers into content: 0 new, 0 updated, 369 unchanged, 0 skipped, "
                + "149 new versions of papers not on this site", "\(again)")
        #expect(again.stdoutLines[3].hasSuffix(", 2 requests (2 not modified)"), "\(again)")
        #expect(site.snapshot(under: "content") == before)
        let second = Array(server.requests.dropFirst(2))
        #expect(second[0].headers["if-none-match"] == "\"hf-2026-12-01-v1\"")
        #expect(second[1].headers["if-modified-since"] == "Tue, 01 Dec 2026 05:02:11 GMT")

        let build = try site.daybook("build")
        #expect(build.status == 0, "\(build)")
        #expect(site.exists("site/days/2026-12-01/index.html"))
    }

    @Test("429 with Retry-After: waits as asked, then succeeds")
    func retriesAfter429() throws {
        let server = try ReplayServer([Route(path: "/api/daily_papers", query: ["date": "2026-12-01"],
                                             responses: [.status(429, retryAfter: "1"), .recorded("hf-2026-12-01.json")])])
        defer { server.stop() }
        let site = try Self.site(server: server)
        defer { site.remove() }
        let result = try site.daybook(["fetch", "--source", "huggingface", "--date", "2026-12-01"] + Self.fast)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.last?.hasSuffix(", 2 requests") == true, "\(result)")
        let times = server.requests.map(\.time)
        #expect(times.count == 2 && times[1] - times[0] >= 0.95, "waited \(times)")
        #expect(site.files(under: "content/papers").count == 48)
    }

    @Test("500 then success: retried with backoff")
    func retries500() throws {
        let server = try ReplayServer([Route(path: "/api/daily_papers", responses: [.status(500), .recorded("hf-2026-12-01.json")])])
        defer { server.stop() }
        let site = try Self.site(server: server)
        defer { site.remove() }
        let result = try site.daybook(["fetch", "--source", "huggingface", "--date", "2026-12-01"] + Self.fast)
        #expect(result.status == 0, "\(result)")
        #expect(server.requests.count == 2)
    }

    /// Runs a fetch that must fail: exit 1, one line on stderr naming the URL and `cause`, nothing written.
    func expectFailure(_ routes: [Route], arguments: [String], url: String, cause: String, categories: String = "[cs.CL, cs.LG]",
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let server = try ReplayServer(routes)
        defer { server.stop() }
        let site = try Self.site(server: server, categories: categories)
        defer { site.remove() }
        let result = try site.daybook(["fetch"] + arguments + Self.fast, timeout: .seconds(60))
        #expect(result.status == 1, "\(result)", sourceLocation: sourceLocation)
        #expect(!result.timedOut, sourceLocation: sourceLocation)
        #expect(result.stderrLines.count == 1, "\(result)", sourceLocation: sourceLocation)
        let line = result.stderrLines.first ?? ""
        #expect(line.hasPrefix("fetch failed: \(server.address)\(url)"), "\(line)", sourceLocation: sourceLocation)
        #expect(line.contains(cause) && line.hasSuffix("(nothing written)"), "\(line)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "\(result)", sourceLocation: sourceLocation)
        #expect(!site.exists("content") && !site.exists(".daybook-cache"), sourceLocation: sourceLocation)
    }

    @Test("a body that stalls half-way times out")
    func stalledBody() throws {
        try expectFailure([Route(path: "/api/daily_papers", responses: [.recorded("hf-2026-12-01.json", fault: "stall")])],
                          arguments: ["--source", "huggingface", "--date", "2026-12-01", "--timeout", "1", "--attempts", "2"],
                          url: "/api/daily_papers?date=2026-12-01&limit=100&p=0",
                          cause: ": timed out: the server sent nothing for too long (after 2 tries)")
    }

    @Test("truncated JSON, complete on the wire or cut short by the connection")
    func truncatedJSON() throws {
        try expectFailure([Route(path: "/api/daily_papers", responses: [.recorded("hf-2026-12-01-truncated.json")])],
                          arguments: ["--source", "huggingface", "--date", "2026-12-01"],
                          url: "/api/daily_papers?date=2026-12-01&limit=100&p=0", cause: ": unreadable response: line ")
        try expectFailure([Route(path: "/api/daily_papers", responses: [.recorded("hf-2026-12-01.json", fault: "truncate")])],
                          arguments: ["--source", "huggingface", "--date", "2026-12-01", "--attempts", "2"],
                          url: "/api/daily_papers?date=2026-12-01&limit=100&p=0", cause: "(truncated) (after 2 tries)")
    }

    @Test("an arXiv error feed and an arXiv API error entry")
    func arxivErrors() throws {
        try expectFailure([Route(path: "/rss/cs.XX", responses: [.recorded("arxiv-rss-error.xml")])],
                          arguments: ["--source", "arxiv"], url: "/rss/cs.XX",
                          cause: "arXiv answered with an error feed: \"Feed error for query: cs.XX\" (check the categories)",
                          categories: "cs.XX")
        try expectFailure([Route(path: "/api/query", responses: [.recorded("arxiv-api-error.xml")])],
                          arguments: ["--source", "arxiv", "--date", "2024-03-04"], url: "/api/query?search_query=",
                          cause: "the arXiv API returned an error: incorrect id format for 1234.12345")
    }

    @Test("one source failing writes nothing from the others")
    func nothingHalfImported() throws {
        try expectFailure([Route(path: "/api/daily_papers", responses: [.recorded("hf-2026-12-01.json")]),
                           Route(path: "/rss/cs.CL+cs.LG", responses: [.status(503)])],
                          arguments: ["--attempts", "2"], url: "/rss/cs.CL+cs.LG", cause: ": HTTP 503 Service Unavailable (after 2 tries)")
        try expectFailure([], arguments: ["--source", "huggingface", "--date", "2026-12-01"],
                          url: "/api/daily_papers?date=2026-12-01&limit=100&p=0", cause: ": HTTP 404 Not Found")
    }

    @Test("an empty day: not published yet, no announcement; nothing written, exit 0")
    func emptyDay() throws {
        let server = try ReplayServer([Route(path: "/api/daily_papers", responses: [.recorded("hf-empty.json")]),
                                       Route(path: "/rss/cs.CL+cs.LG", responses: [.recorded("arxiv-rss-empty.xml")])])
        defer { server.stop() }
        let site = try Self.site(server: server)
        defer { site.remove() }
        let result = try site.daybook(["fetch"] + Self.fast)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines[0].hasSuffix(": no papers listed (not published yet, or none that day)"), "\(result)")
        #expect(result.stdoutLines[1] == "arxiv cs.CL+cs.LG today: no announcement (arXiv announces nothing on weekends and holidays)", "\(result)")
        #expect(result.stdoutLines[2] == "Fetched 0 papers into content: 0 new, 0 updated, 0 unchanged, 0 skipped", "\(result)")
        #expect(site.files(under: "content").isEmpty)
    }

    @Test("a backfill: Hugging Face day by day (2024 payloads), the arXiv API paged and paced")
    func backfill() throws {
        var routes = ["2024-03-04", "2024-03-05", "2024-03-06"].map {
            Route(path: "/api/daily_papers", query: ["date": $0], responses: [.recorded("hf-\($0).json")])
        }
        routes.append(Route(path: "/api/query", query: ["start": "0"], responses: [.recorded("arxiv-api-2024-03-04-to-06-p0.xml")]))
        routes.append(Route(path: "/api/query", query: ["start": "200"], responses: [.recorded("arxiv-api-2024-03-04-to-06-p1.xml")]))
        let server = try ReplayServer(routes)
        defer { server.stop() }
        let site = try Self.site(server: server, categories: "[cs.CL]")
        defer { site.remove() }
        let result = try site.daybook(["fetch", "--from", "2024-03-04", "--to", "2024-03-06", "--retry-delay", "0.01", "--arxiv-interval", "0.3"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.prefix(4) == ["huggingface 2024-03-04: 9 papers (1 download)", "huggingface 2024-03-05: 12 papers (1 download)",
                                                 "huggingface 2024-03-06: 11 papers (1 download)",
                                                 "arxiv cs.CL 2024-03-04 to 2024-03-06: 360 papers (2 downloads)"], "\(result)")
        #expect(result.stdoutLines[4] == "Fetched 392 papers into content: 392 new, 0 updated, 0 unchanged, 0 skipped", "\(result)")
        #expect(site.files(under: "content/papers/2024-03-05").count == 12 + 120)
        let api = server.requests.filter { $0.path == "/api/query" }
        #expect(api.map { $0.query["start"] } == ["0", "200"])
        #expect(api[0].query["search_query"] == "(cat:cs.CL) AND submittedDate:[202403040000 TO 202403062359]")
        // Spaced by the interval at the client; the server sees arrival times, which jitter on a loaded machine.
        #expect(api[1].time - api[0].time >= 0.25, "arXiv requests are spaced by the interval")
    }

    @Test("a busy day over two pages of Hugging Face's list")
    func paging() throws {
        let server = try ReplayServer([
            Route(path: "/api/daily_papers", query: ["date": "2025-09-08", "p": "0"], responses: [.recorded("hf-2025-09-08-p0.json")]),
            Route(path: "/api/daily_papers", query: ["date": "2025-09-08", "p": "1"], responses: [.recorded("hf-2025-09-08-p1.json")]),
        ])
        defer { server.stop() }
        let site = try Self.site(server: server)
        defer { site.remove() }
        let result = try site.daybook(["fetch", "--source", "huggingface", "--date", "2025-09-08", "--dry-run"] + Self.fast)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines[0] == "huggingface 2025-09-08: 105 papers (2 downloads)", "\(result)")
        #expect(result.stdoutLines[1] == "Dry run, nothing written: 105 papers into content: 105 new, 0 updated, 0 unchanged, 0 skipped", "\(result)")
        #expect(result.stdoutLines.filter { $0.hasPrefix("  would create content/papers/2025-09-08/") }.count == 105, "\(result)")
        #expect(!site.exists("content") && !site.exists(".daybook-cache"))
    }

    @Test("usage and configuration errors name what to fix")
    func usageErrors() throws {
        let site = SiteFolder()
        defer { site.remove() }
        var result = try site.daybook("fetch")
        #expect(result.status == 1 && result.stderr.contains("daybook.yml has no 'sources:'"), "\(result)")
        result = try site.daybook("fetch", "--api", "http://127.0.0.1:1")
        #expect(result.status != 0 && result.stderr.contains("--api needs --source"), "\(result)")
        result = try site.daybook("fetch", "--source", "github")
        #expect(result.status != 0 && result.stderr.contains("--source must be huggingface or arxiv"), "\(result)")
        result = try site.daybook("fetch", "--from", "2026-12-05", "--to", "2026-12-01")
        #expect(result.status != 0 && result.stderr.contains("--from 2026-12-05 is after --to 2026-12-01"), "\(result)")
        site.write("daybook.yml", "sources:\n  - arxiv: [cs.CL, CS]\n")
        result = try site.daybook("fetch")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines == ["daybook.yml:2:12: 'sources' item 1: \"CS\" is not an arXiv category (like cs.CL, hep-ex, astro-ph.CO)"], "\(result)")
        site.write("daybook.yml", "title: No sources\n")
        result = try site.daybook("fetch", "--source", "huggingface", "--api", "http://127.0.0.1:9", "--attempts", "1")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines == ["fetch failed: http://127.0.0.1:9/api/daily_papers?date=\(Self.todayUTC)&limit=100&p=0: connection refused (nothing written)"], "\(result)")
    }

    static var todayUTC: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

extension SiteFolder {
    /// Runs `daybook ARGUMENTS` in this folder, the arguments as a list.
    func daybook(_ arguments: [String], timeout: Duration = .seconds(120)) throws -> CommandResult {
        try DaybookExecutable.run(arguments, in: path, timeout: timeout)
    }
}
