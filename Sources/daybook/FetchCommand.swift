import ArgumentParser
import DaybookContent
import DaybookFetch
import DaybookHTTP
import DaybookSite
import DaybookSystem
import Foundation

/// `daybook fetch`: bring the day's papers from the sources in daybook.yml into content/.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch the day's papers from the sources in daybook.yml (Hugging Face, arXiv) into content/.",
        discussion: """
            Without dates: Hugging Face's list for today (UTC) and arXiv's latest announcement (RSS; its \
            replace items update papers already present). With --date or --from/--to: Hugging Face day by \
            day and the arXiv API for papers submitted on those days. Everything is downloaded and read \
            before anything is written: any failure prints the URL and the cause, exits non-zero and \
            writes nothing. Records go through the importer (idempotent, never downgrading a record). \
            Downloads are cached in .daybook-cache/fetch/ (ETag, Last-Modified) for conditional requests.
            """
    )

    @Option(help: "Fetch this day (YYYY-MM-DD) instead of today.")
    var date: String?

    @Option(help: "First day of a backfill (YYYY-MM-DD).")
    var from: String?

    @Option(help: "Last day of a backfill (default: today, UTC).")
    var to: String?

    @Option(help: "Fetch only this source: huggingface or arxiv.")
    var source: String?

    @Option(help: "With --source: another scheme, host and port for it (http://127.0.0.1:8080); the paths stay.")
    var api: String?

    @Flag(help: "Download and report what would change, write nothing.")
    var dryRun = false

    @Option(help: "The content folder to write records into (default: <root>/content).")
    var content: String?

    @Option(help: "Seconds a server may stay silent before a request fails.")
    var timeout: Double = 30

    @Option(help: "Tries per request, the first included.")
    var attempts: Int = 5

    @Option(help: ArgumentHelp("Base of the backoff between tries, in seconds.", visibility: .hidden))
    var retryDelay: Double = 1

    @Option(help: ArgumentHelp("Seconds between arXiv requests (at least 3 against arXiv itself).", visibility: .hidden))
    var arxivInterval: Double = 3

    @OptionGroup var site: SiteOptions

    func validate() throws {
        if date != nil, from != nil || to != nil { throw ValidationError("give --date, or --from and --to, not both") }
        if to != nil, from == nil { throw ValidationError("--to needs --from") }
        for (name, value) in [("--date", date), ("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) must be a date like 2026-12-01, got '\(value)'") }
        }
        if let from, let to, let first = Day(iso: from), let last = Day(iso: to), first > last {
            throw ValidationError("--from \(from) is after --to \(to)")
        }
        if let source, !FetchSource.names.contains(source) {
            throw ValidationError("--source must be huggingface or arxiv, got '\(source)'")
        }
        if let api {
            guard source != nil else { throw ValidationError("--api needs --source (huggingface or arxiv)") }
            if let problem = FetchSource.apiProblem(api) { throw ValidationError("--api \(problem), got '\(api)'") }
        }
        if timeout <= 0 { throw ValidationError("--timeout must be more than 0 seconds") }
        if attempts < 1 { throw ValidationError("--attempts must be at least 1") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        let root = Console.absolute(site.root)
        let configPath = site.config.hasPrefix("/") ? site.config : root + "/" + site.config
        let config: SiteConfig
        do {
            config = try SiteConfigLoader.load(path: configPath, displayPath: site.config)
        } catch {
            Console.error(error.description)
            throw ExitCode(1)
        }
        let sources: [FetchSource]
        do {
            sources = try selectedSources(config)
        } catch {
            Console.error("fetch: \(error.message)")
            throw ExitCode(1)
        }
        let dates = try fetchDates()
        let contentDirectory = content.map { $0.hasPrefix("/") ? $0 : Console.absolute($0) } ?? root + "/content"
        let cache = ConditionalCache(folder: root + "/.daybook-cache/fetch")
        let transport = AsyncHTTPTransport(timeout: .seconds(timeout), connectTimeout: .seconds(min(timeout, 10)),
                                           readTimeout: .seconds(timeout), connections: 2)
        let client = FetchClient(transport: transport, userAgent: FetchClient.userAgent(contact: config.contact),
                                 retry: RetryPolicy(attempts: attempts, baseDelay: .seconds(retryDelay), maxDelay: .seconds(60)),
                                 cache: cache)
        let pacer = RequestPacer(interval: .seconds(arxivIntervalFor(sources)))
        let progress = ProgressLine()
        let fetch = DailyFetch(sources: sources, dates: dates)
        let batches: [SourceBatch]
        do {
            batches = try await fetch.run(client: client, arxivPacer: pacer) { progress.update($0) }
            progress.finish()
        } catch let error as FetchError {
            progress.finish()
            await client.shutdown()
            Console.error("fetch failed: \(error) (nothing written)")
            throw ExitCode(1)
        } catch {
            progress.finish()
            await client.shutdown()
            Console.error("fetch failed: \(TransportFailure.describe(error)) (nothing written)")
            throw ExitCode(1)
        }
        await client.shutdown()

        for batch in batches { print("\(batch.label): \(batch.summary)") }
        let papers = batches.flatMap(\.papers)
        let updates = batches.flatMap(\.updates)
        let report: ImportReport
        do {
            report = try RecordImporter(contentDirectory: contentDirectory, dryRun: dryRun).run(papers, updates: updates)
            if !dryRun { try cache.commit(batches.flatMap(\.downloads).compactMap(\.cacheEntry)) }
        } catch {
            Console.error("fetch failed: cannot write into \(contentDirectory): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for entry in report.skipped {
            if case .skipped(let reason) = entry.outcome { Console.error("skipped \(entry.id): \(reason)") }
        }
        let target = content ?? "content"
        print((dryRun ? "Dry run, nothing written: " : "Fetched ") + "\(papers.count) papers into \(target): " + report.summary)
        if dryRun {
            for entry in report.entries where entry.outcome == .new || entry.outcome == .updated {
                print("  would \(entry.outcome == .new ? "create" : "update") \(target)/\(entry.path)")
            }
        }
        let notModified = client.notModifiedCount
        print("Time: \(Console.milliseconds((ContinuousClock.now - started).seconds)), \(client.requestCount) "
              + "\(client.requestCount == 1 ? "request" : "requests")" + (notModified > 0 ? " (\(notModified) not modified)" : ""))
    }

    /// The configured sources, narrowed by `--source`, with `--api` applied. `--source huggingface`
    /// works without a config entry (it needs no settings); arxiv needs its categories.
    private func selectedSources(_ config: SiteConfig) throws(DaybookFetchUsageError) -> [FetchSource] {
        guard let source else {
            guard !config.sources.isEmpty else {
                throw DaybookFetchUsageError(message: "\(site.config) has no 'sources:'; add for example\n"
                    + "sources:\n  - huggingface: daily\n  - arxiv: [cs.CL, cs.LG]\nor run: daybook fetch --source huggingface")
            }
            return config.sources
        }
        var chosen: FetchSource
        if let configured = config.sources.first(where: { $0.name == source }) {
            chosen = configured
        } else if source == "huggingface" {
            chosen = FetchSource(kind: .huggingFace)
        } else {
            throw DaybookFetchUsageError(message: "\(site.config) has no arxiv source; add '- arxiv: [cs.CL]' (its categories) under 'sources:'")
        }
        if let api { chosen.api = api.hasSuffix("/") ? String(api.dropLast()) : api }
        return [chosen]
    }

    private func fetchDates() throws -> DailyFetch.Dates {
        let today = DailyFetch.today()
        if let date, let day = Day(iso: date) { return .range(from: day, to: day) }
        if let from, let first = Day(iso: from) { return .range(from: first, to: to.flatMap { Day(iso: $0) } ?? today) }
        return .latest(today: today)
    }

    /// arXiv asks for at least 3 s between requests: a shorter interval is only for a local endpoint.
    private func arxivIntervalFor(_ sources: [FetchSource]) -> Double {
        let arxivIsRemote = sources.contains { if case .arxiv = $0.kind { $0.api == nil } else { false } }
        return arxivIsRemote ? max(3, arxivInterval) : max(0, arxivInterval)
    }
}

struct DaybookFetchUsageError: Error {
    let message: String
}
