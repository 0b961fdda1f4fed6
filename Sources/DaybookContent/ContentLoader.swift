import DaybookSystem

/// Loads every paper under a site's `content/` folder (any depth): `*.md` records and Hugging Face
/// `*.json` files, read and parsed in parallel, validated, and merged into one paper per id.
///
/// ```swift
/// let result = try ContentLoader(siteRoot: "mysite").load()
/// print(result.papers.count, result.warnings)
/// ```
/// Every problem in every file is reported in one `ContentError`, paths relative to the site root
/// (`content/papers/2026-11-20/2405.01234.md:3:10: 'upvotes' must be a whole number, got "many"`).
/// Two `.md` records with the same id are an error at the second naming the first; the same id in
/// JSON files merges (see `PaperMerger`). A missing `content/` folder gives no papers and a warning.
public struct ContentLoader: Sendable {
    public let siteRoot: String
    public let contentDirectory: String

    /// `siteRoot`: the site folder; paths in diagnostics are shown relative to it.
    public init(siteRoot: String, contentDirectory: String = "content") {
        self.siteRoot = siteRoot
        self.contentDirectory = contentDirectory
    }

    private enum Outcome: Sendable {
        case parsed(ParsedContentFile, reused: Bool)
        case failed([Diagnostic])
    }

    /// Loads every file, reusing what `reuse` says an unchanged file parsed to.
    public func load() throws(ContentError) -> ContentLoadResult {
        try load(reusing: nil)
    }

    /// Loads every file; a file whose stamp in `reuse` is the one it had when it was parsed is
    /// not read again. The result's `parsedFiles` hold every file's parse, for the next build.
    /// With `auditingAside`, the result's warnings are left empty and made on another core
    /// (`pendingWarnings`) while the caller goes on.
    package func load(reusing reuse: ContentReuse?, auditingAside: Bool = false) throws(ContentError) -> ContentLoadResult {
        let folder = siteRoot.isEmpty ? contentDirectory : siteRoot + "/" + contentDirectory
        if FileIO.isMissing(folder) {
            return ContentLoadResult(papers: [], warnings: [
                Diagnostic(path: contentDirectory, message: "no such folder: the site has no papers", severity: .warning),
            ])
        }
        let files = if let listing = reuse?.listing {
            ContentWalker.files(listed: listing, in: folder, displayPrefix: contentDirectory)
        } else {
            try ContentWalker.files(in: folder, displayPrefix: contentDirectory)
        }
        let outcomes = files.parallelMap { file -> Outcome in
            let stamp = file.stamp ?? reuse?.stamps[file.displayPath]
            if let reuse, let stamp, let earlier = reuse.parsed(file.displayPath), earlier.stamp == stamp {
                return .parsed(earlier, reused: true)
            }
            return Self.parse(file, stamp: stamp)
        }

        var diagnostics: [Diagnostic] = []
        var records: [Paper] = []
        records.reserveCapacity(files.count)
        var imported: [Paper] = []
        // Each record's index in `records` and positions, by id (indices and positions only, not
        // copies of the records).
        var recordsByID: [String: (index: Int, positions: RecordPositions)] = [:]
        recordsByID.reserveCapacity(files.count)
        var parsedFiles: [(path: String, file: ParsedContentFile)] = []
        parsedFiles.reserveCapacity(reuse == nil ? 0 : files.count)
        var parsedNow = Set<String>()
        for (file, outcome) in zip(files, outcomes) {
            guard case let .parsed(parsed, reused) = outcome else {
                if case let .failed(problems) = outcome { diagnostics += problems }
                continue
            }
            if !reused { parsedNow.insert(file.displayPath) }
            if parsed.stamp != nil { parsedFiles.append((file.displayPath, parsed)) }
            switch parsed.content {
            case let .imported(papers):
                imported += papers
            case let .record(record):
                if let first = recordsByID[record.paper.id] {
                    diagnostics.append(Diagnostic(path: record.paper.source.path, line: record.idPosition.line,
                                                  column: record.idPosition.column,
                                                  message: "duplicate id '\(record.paper.id)' (also in \(records[first.index].source.path))"))
                } else {
                    recordsByID[record.paper.id] = (records.count, record.positions)
                    records.append(record.paper)
                }
            }
        }
        guard diagnostics.isEmpty else { throw ContentError(diagnostics) }
        let papers = PaperMerger.merge(records: records, imported: imported)
        records = []
        let positions = recordsByID.mapValues(\.positions)
        var result: ContentLoadResult
        if auditingAside {
            result = ContentLoadResult(papers: papers, warnings: [], positions: positions)
            result.pendingWarnings = BackgroundWork { ContentAudit(papers: papers, positions: positions).warnings }
        } else {
            result = ContentLoadResult(papers: papers, warnings: ContentAudit(papers: papers, positions: positions).warnings,
                                       positions: positions)
        }
        result.parsedFiles = parsedFiles
        result.parsedNow = parsedNow
        return result
    }

    /// Reads and parses one file; `stamp` is what the build saw of it before reading.
    private static func parse(_ file: ContentWalker.File, stamp: FileStamp?) -> Outcome {
        let bytes: [UInt8]
        do throws(FileIO.Failure) {
            bytes = try FileIO.contents(file.path)
        } catch {
            return .failed([Diagnostic(path: file.displayPath, message: "cannot read file: \(error.reason)")])
        }
        do {
            switch file.kind {
            case .record:
                return .parsed(ParsedContentFile(stamp: stamp, content: .record(try PaperRecordParser.parseRecord(bytes: bytes, path: file.displayPath))),
                               reused: false)
            case .huggingFace:
                return .parsed(ParsedContentFile(stamp: stamp, content: .imported(try HuggingFacePaperDecoder.decode(bytes: bytes, path: file.displayPath))),
                               reused: false)
            }
        } catch {
            return .failed(error.diagnostics)
        }
    }
}
