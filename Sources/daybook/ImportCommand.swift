import ArgumentParser
import DaybookContent
import Foundation

/// `daybook import listing|arxiv|hf …`: turn downloaded or copied papers into records under `content/papers/`.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import papers into content/ as one record per paper.",
        discussion: """
        Records go to <content>/papers/<day>/<id>.md. Importing is idempotent and never loses what a record \
        knows: an existing record only learns what the new source knows more of.
        """,
        subcommands: [ImportListingCommand.self, ImportArxivCommand.self, ImportHuggingFaceCommand.self]
    )
}

/// Options every import shares.
struct ImportOptions: ParsableArguments {
    @Option(help: "The content folder to write records into.")
    var content = "content"

    @Flag(help: "Report what would change without writing anything.")
    var dryRun = false

    /// Reads every file with `read`; when all of them read cleanly, imports their papers and prints the report.
    func run(_ files: [String], read: (Data, String) throws(ContentError) -> ImportedPapers) throws {
        var papers: [Paper] = []
        var updates: [Paper] = []
        var problems: [Diagnostic] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                problems.append(Diagnostic(path: file, message: "cannot read the file"))
                continue
            }
            do {
                let result = try read(data, file)
                papers += result.papers
                updates += result.updates
                for warning in result.warnings { Console.error(warning.description) }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else {
            Console.error(ContentError(problems).description)
            Console.error("Nothing imported: fix the input above and run again.")
            throw ExitCode.failure
        }
        let report = try RecordImporter(contentDirectory: content, dryRun: dryRun).run(papers, updates: updates)
        for entry in report.skipped {
            if case .skipped(let reason) = entry.outcome { Console.error("skipped \(entry.id): \(reason)") }
        }
        let files = files.count == 1 ? "1 file" : "\(files.count) files"
        print((dryRun ? "Dry run, nothing written: " : "Imported ") + "\(papers.count) papers from \(files) into \(content): "
              + report.summary)
    }
}

struct ImportListingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing",
        abstract: "Import text copied from a Hugging Face papers listing page."
    )

    @Argument(help: "Listing text files.")
    var files: [String]

    @Option(help: "The day the papers are featured on (YYYY-MM-DD); dates without a year are read relative to it.")
    var day: String

    @OptionGroup var options: ImportOptions

    func validate() throws {
        _ = try parsedDay(day)
    }

    func run() async throws {
        let importer = ListingTextImporter(day: try parsedDay(day))
        try options.run(files) { (data, path) throws(ContentError) in
            try importer.papers(fromBytes: Array(data), path: path)
        }
    }
}

struct ImportArxivCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arxiv",
        abstract: "Import arXiv API responses (Atom XML) or daily announcement feeds (RSS).",
        discussion: "An announcement's replace items update papers already present; they are not new papers of the day."
    )

    @Argument(help: "arXiv API response or announcement RSS files.")
    var files: [String]

    @Option(help: "The day the papers are featured on (YYYY-MM-DD); default: each paper's publication date (RSS: the announcement's date).")
    var day: String?

    @OptionGroup var options: ImportOptions

    func validate() throws {
        if let day { _ = try parsedDay(day) }
    }

    func run() async throws {
        let importer = ArxivImporter(day: try day.map(parsedDay))
        try options.run(files) { (data, path) throws(ContentError) in
            try importer.papers(from: data, path: path)
        }
    }
}

struct ImportHuggingFaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hf",
        abstract: "Import Hugging Face papers JSON (/api/daily_papers or /api/papers/{id}).",
        discussion: "Each paper is featured on its submittedOnDailyAt day (else the item's publishedAt)."
    )

    @Argument(help: "Hugging Face JSON files.")
    var files: [String]

    @OptionGroup var options: ImportOptions

    func run() async throws {
        try options.run(files) { (data, path) throws(ContentError) in
            ImportedPapers(papers: try HuggingFacePaperDecoder.decode(bytes: [UInt8](data), path: path))
        }
    }
}

/// The `--day` option's value as a day.
func parsedDay(_ text: String) throws -> Day {
    guard let day = Day(iso: text) else { throw ValidationError("--day must be a date like 2025-12-29, got '\(text)'") }
    return day
}
