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
        case record(PaperRecordParser.Record)
        case imported([Paper])
        case failed([Diagnostic])
    }

    public func load() throws(ContentError) -> ContentLoadResult {
        let folder = siteRoot.isEmpty ? contentDirectory : siteRoot + "/" + contentDirectory
        if FileIO.isMissing(folder) {
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

    /// Reads and parses each file in parallel; results keep the files' (sorted) order.
    private static func parseInParallel(_ files: [ContentWalker.File]) -> [Outcome] {
        files.parallelMap { parse($0) }
    }

    private static func parse(_ file: ContentWalker.File) -> Outcome {
        let bytes: [UInt8]
        do throws(FileIO.Failure) {
            bytes = try FileIO.contents(file.path)
        } catch {
            return .failed([Diagnostic(path: file.displayPath, message: "cannot read file: \(error.reason)")])
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
}
