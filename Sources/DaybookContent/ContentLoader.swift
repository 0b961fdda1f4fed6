import Dispatch

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
        case record(PaperRecordParser.Record)
        case imported([Paper])
        case failed([Diagnostic])
    }

    public func load() throws(ContentError) -> ContentLoadResult {
        let folder = siteRoot.isEmpty ? contentDirectory : siteRoot + "/" + contentDirectory
        if FileReader.isMissing(folder) {
            return ContentLoadResult(papers: [], warnings: [
                Diagnostic(path: contentDirectory, message: "no such folder: the site has no papers", severity: .warning),
            ])
        }
        let files = try ContentWalker.files(in: folder, displayPrefix: contentDirectory)
        let outcomes = Self.parseInParallel(files)

        var diagnostics: [Diagnostic] = []
        var records: [PaperRecordParser.Record] = []
        var imported: [Paper] = []
        var recordsByID: [String: PaperRecordParser.Record] = [:]
        for outcome in outcomes {
            switch outcome {
            case let .failed(problems):
                diagnostics += problems
            case let .imported(papers):
                imported += papers
            case let .record(record):
                if let first = recordsByID[record.paper.id] {
                    diagnostics.append(Diagnostic(path: record.paper.source.path, line: record.idPosition.line,
                                                  column: record.idPosition.column,
                                                  message: "duplicate id '\(record.paper.id)' (also in \(first.paper.source.path))"))
                } else {
                    recordsByID[record.paper.id] = record
                    records.append(record)
                }
            }
        }
        guard diagnostics.isEmpty else { throw ContentError(diagnostics) }
        let papers = PaperMerger.merge(records: records.map(\.paper), imported: imported)
        let positions = recordsByID.mapValues(\.positions)
        return ContentLoadResult(papers: papers, warnings: ContentAuditor.warnings(for: papers, positions: positions),
                                 positions: positions)
    }

    /// Reads and parses each file on all cores; results keep the files' (sorted) order.
    private static func parseInParallel(_ files: [ContentWalker.File]) -> [Outcome] {
        let slots = OutcomeSlots(count: files.count)
        let chunk = max(1, min(64, files.count / 16))
        let chunks = (files.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { chunkIndex in
            let end = min(files.count, (chunkIndex + 1) * chunk)
            for index in chunkIndex * chunk..<end {
                slots.set(index, parse(files[index]))
            }
        }
        return slots.values
    }

    private static func parse(_ file: ContentWalker.File) -> Outcome {
        let bytes: [UInt8]
        switch FileReader.read(file.path) {
        case let .success(read): bytes = read
        case let .failure(error):
            return .failed([Diagnostic(path: file.displayPath, message: "cannot read file: \(error)")])
        }
        do {
            switch file.kind {
            case .record:
                return .record(try PaperRecordParser.parseRecord(bytes: bytes, path: file.displayPath))
            case .huggingFace:
                return .imported(try HuggingFacePaperDecoder.decode(bytes: bytes, path: file.displayPath))
            }
        } catch {
            return .failed(error.diagnostics)
        }
    }

    /// Fixed slots written once each, from many threads: each index is written by exactly one
    /// iteration and read only after `concurrentPerform` returns.
    private final class OutcomeSlots: @unchecked Sendable {
        private var buffer: UnsafeMutableBufferPointer<Outcome?>

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        func set(_ index: Int, _ outcome: Outcome) { buffer[index] = outcome }

        var values: [Outcome] { buffer.map { $0! } }
    }
}
