import DaybookSystem
import Foundation

/// Writes imported papers into a content folder as `papers/<day>/<id>.md`, one record per paper.
///
/// Idempotent and never lossy: a paper whose record exists (found by file name anywhere under `papers/`)
/// is merged into it with `ImportMerger`, and the file is rewritten only when the record learned something.
/// A slug id already taken by a different title moves on to `-2`, `-3`, …; a record filed under the slug of
/// a paper's title (from listing text, which has no ids) moves to the paper's arXiv id once one is known;
/// a record that cannot be read is left alone and the paper skipped with the reason.
///
/// ```swift
/// let report = try RecordImporter(contentDirectory: "content").run(result.papers)
/// print(report.summary)  // 47 new, 0 updated, 0 unchanged, 0 skipped
/// ```
public struct RecordImporter: Sendable {
    public var contentDirectory: String
    /// Decide everything, write nothing.
    public var dryRun: Bool

    public init(contentDirectory: String, dryRun: Bool = false) {
        self.contentDirectory = contentDirectory
        self.dryRun = dryRun
    }

    /// Imports `papers` in order, then `updates` (which only update records already present, see
    /// `ImportedPapers.updates`), and reports each one's outcome. Throws only when the file system fails.
    public func run(_ papers: [Paper], updates: [Paper] = []) throws -> ImportReport {
        var records = try RecordIndex(contentDirectory: contentDirectory)
        var report = ImportReport()
        for paper in papers {
            report.entries.append(records.absorb(paper))
        }
        for paper in updates {
            report.entries.append(records.absorbUpdate(paper))
        }
        if !dryRun {
            let writer = PaperRecordWriter()
            for path in records.changedPaths {
                let url = URL(fileURLWithPath: contentDirectory).appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(writer.text(for: records.records[path]!).utf8).write(to: url, options: .atomic)
            }
            for path in records.removedPaths {
                let url = URL(fileURLWithPath: contentDirectory).appendingPathComponent(path)
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
            }
        }
        return report
    }
}

/// The records under `papers/` by file name, read on demand, and the ones this import changed.
struct RecordIndex {
    let contentDirectory: String
    /// File name without `.md` → path relative to the content folder.
    private var pathsByName: [String: String] = [:]
    /// Records read or produced so far, by path.
    private(set) var records: [String: Paper] = [:]
    private var unreadable: [String: String] = [:]
    /// Title key → path, for papers without an id of their own; nil until first needed.
    private var pathsByTitle: [String: String]?
    private(set) var changedPaths: [String] = []
    /// Slug records that moved to their arXiv id.
    private(set) var removedPaths: [String] = []

    init(contentDirectory: String) throws {
        self.contentDirectory = contentDirectory
        var found: [String] = []
        // The records the content loader would read: the same walk, the same names skipped.
        FileIO.walk(contentDirectory + "/papers", skip: { name, _ in FileNames.isIgnored(name) }) { file, entry in
            if entry.kind == .file, file.hasSuffix(".md") { found.append(file) }
        }
        for file in found.sorted() {
            let name = String((file.split(separator: "/").last ?? "").dropLast(3))
            if pathsByName[name] == nil { pathsByName[name] = "papers/" + file }
        }
    }

    /// Merges one paper into its record, creating it when there is none, and says what happened.
    mutating func absorb(_ paper: Paper) -> ImportReport.Entry {
        func entry(_ id: String, _ path: String, _ outcome: ImportReport.Outcome) -> ImportReport.Entry {
            ImportReport.Entry(id: id, path: path, outcome: outcome)
        }
        guard PaperID.isValid(paper.id) else {
            return entry(paper.id, "", .skipped(reason: "'id' \(YAMLQuoting.quoted(paper.id)) is neither an arXiv id nor a slug"))
        }
        guard !paper.title.isEmpty else { return entry(paper.id, "", .skipped(reason: "the paper has no title")) }
        var suffix = 1
        var id = paper.id
        while true {
            let name = PaperID.pathSegment(id)
            guard let path = pathsByName[name] else {
                if paper.isArxivID, let (slugPath, existing) = slugRecord(titled: paper.title) {
                    return entry(id, upgrade(existing, at: slugPath, with: paper), .updated)
                }
                if !paper.isArxivID, let path = path(titled: paper.title), let existing = record(at: path) {
                    // Listing text knows no ids: the paper may already be filed under its arXiv id.
                    return merge(paper, into: existing, at: path, entry: entry)
                }
                let path = "papers/\(paper.day)/\(name).md"
                var created = paper
                created.id = id
                created.source = SourceLocation(path: path)
                pathsByName[name] = path
                records[path] = created
                changedPaths.append(path)
                pathsByTitle?[RecordIndex.titleKey(paper.title)] = path
                return entry(id, path, .new)
            }
            guard let existing = record(at: path) else {
                return entry(id, path, .skipped(reason: "the existing record cannot be read: \(unreadable[path]!)"))
            }
            if paper.isArxivID || RecordIndex.sameTitle(existing.title, paper.title) {
                return merge(paper, into: existing, at: path, entry: entry)
            }
            suffix += 1
            id = "\(paper.id.prefix(80 - String(suffix).count - 1))-\(suffix)"
        }
    }

    /// Merges an update-only paper into its record when the site has one (by arXiv id); else `.notOnSite`.
    mutating func absorbUpdate(_ paper: Paper) -> ImportReport.Entry {
        let name = PaperID.pathSegment(paper.id)
        guard PaperID.isValid(paper.id), let path = pathsByName[name] else {
            return ImportReport.Entry(id: paper.id, path: "", outcome: .notOnSite)
        }
        guard let existing = record(at: path) else {
            return ImportReport.Entry(id: paper.id, path: path,
                                      outcome: .skipped(reason: "the existing record cannot be read: \(unreadable[path]!)"))
        }
        return merge(paper, into: existing, at: path) { ImportReport.Entry(id: $0, path: $1, outcome: $2) }
    }

    private mutating func merge(_ paper: Paper, into existing: Paper, at path: String,
                                entry: (String, String, ImportReport.Outcome) -> ImportReport.Entry) -> ImportReport.Entry {
        var incoming = paper
        incoming.id = existing.id
        let merged = ImportMerger.merged(existing, with: incoming)
        guard merged != existing else { return entry(existing.id, path, .unchanged) }
        records[path] = merged
        if !changedPaths.contains(path) { changedPaths.append(path) }
        return entry(existing.id, path, .updated)
    }

    /// The record with this title, wherever it is filed; the title index is built on first use.
    private mutating func path(titled title: String) -> String? {
        if pathsByTitle == nil {
            var index: [String: String] = [:]
            for path in pathsByName.values.sorted() {
                if let paper = record(at: path), index[RecordIndex.titleKey(paper.title)] == nil {
                    index[RecordIndex.titleKey(paper.title)] = path
                }
            }
            pathsByTitle = index
        }
        return pathsByTitle?[RecordIndex.titleKey(title)]
    }

    /// A record filed under a slug of `title` (`-2`, `-3`, … included) that has this title.
    private mutating func slugRecord(titled title: String) -> (String, Paper)? {
        let base = PaperID.slug(fromTitle: title)
        var candidate = base
        var suffix = 1
        while let path = pathsByName[candidate] {
            if let existing = record(at: path), !existing.isArxivID, RecordIndex.sameTitle(existing.title, title) {
                return (path, existing)
            }
            suffix += 1
            candidate = "\(base.prefix(80 - String(suffix).count - 1))-\(suffix)"
        }
        return nil
    }

    /// Moves a slug record to the paper's arXiv id, in the same folder, merged with what the paper knows.
    private mutating func upgrade(_ existing: Paper, at slugPath: String, with paper: Paper) -> String {
        let name = PaperID.pathSegment(paper.id)
        let folder = slugPath.split(separator: "/").dropLast().joined(separator: "/")
        let path = folder + "/" + name + ".md"
        var merged = ImportMerger.merged(existing, with: paper)
        merged.id = paper.id
        merged.source = SourceLocation(path: path)
        records[slugPath] = nil
        pathsByName[String((slugPath.split(separator: "/").last ?? "").dropLast(3))] = nil
        changedPaths.removeAll { $0 == slugPath }
        removedPaths.append(slugPath)
        records[path] = merged
        pathsByName[name] = path
        changedPaths.append(path)
        pathsByTitle?[RecordIndex.titleKey(merged.title)] = path
        return path
    }

    private mutating func record(at path: String) -> Paper? {
        if let paper = records[path] { return paper }
        guard unreadable[path] == nil else { return nil }
        let url = URL(fileURLWithPath: contentDirectory).appendingPathComponent(path)
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            var paper = try PaperRecordParser.parse(text, path: path)
            paper.source = SourceLocation(path: path)
            records[path] = paper
            return paper
        } catch let error as ContentError {
            unreadable[path] = error.description
        } catch {
            unreadable[path] = "\(path): \(error.localizedDescription)"
        }
        return nil
    }

    /// Titles that differ only in case and spacing name the same paper.
    static func sameTitle(_ a: String, _ b: String) -> Bool { titleKey(a) == titleKey(b) }

    static func titleKey(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
