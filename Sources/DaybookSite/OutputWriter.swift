import DaybookRender
import DaybookSystem
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Puts a rendered site on disk so that the output folder is never half-written.
///
/// Changed and new files are first written to a staging folder beside the output (same file
/// system); only when all of them are written are they renamed into place, then stale files are
/// removed. A failure before that point leaves the output folder exactly as it was. Files whose
/// bytes did not change are not touched, so they keep their mtime and rsync/deploys skip them.
/// Hidden entries at the top of the output folder (`.git`, `.nojekyll`) are left alone. With the
/// build cache's manifest, files are compared by hash and stale files are those the last build
/// wrote and this one does not (files put there by hand are left alone).
///
/// Before the renames start, the list of them and of the removals is written to a journal beside
/// the output (`.site.journal`). A build killed while moving files into place leaves old and new
/// pages mixed; the next write (or `recover()`) replays the journal first, finishing the swap,
/// so the folder is whole again before anything else happens. A kill before the journal exists
/// leaves the old site; staging leftovers are removed.
public struct OutputWriter: Sendable {
    public let outputDirectory: String
    /// Where the write counts the files it has compared or staged; nil: nowhere.
    public var progress: BuildProgress?

    public init(outputDirectory: String) {
        self.outputDirectory = outputDirectory.hasSuffix("/") ? String(outputDirectory.dropLast()) : outputDirectory
    }

    /// What a write did.
    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
        public var removed = 0
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public func write(_ site: RenderedSite) throws(Failure) -> Report {
        try write(site, recording: nil).report
    }

    /// What the build cache gives the writer and gets back.
    struct Recording {
        /// The last build's manifest: a file whose new bytes hash as recorded and whose output is
        /// untouched since is unchanged, without reading it.
        var previous: BuildManifest?
        /// Outputs not made because they are current on disk: kept as they are.
        var kept = KeptOutputs()
        /// Filled by the write: every output file's manifest entry (keys not yet set), and their paths sorted.
        var entries: [String: BuildManifest.Entry] = [:]
        var paths: [String] = []
        /// Called once everything is staged, before the first file is moved into place (the
        /// build cache drops the old manifest there: from then on it no longer describes the
        /// folder). A message it returns fails the write, with the output folder untouched.
        var beforeCommit: @Sendable () -> String? = { nil }
    }

    /// Writes `site`; with `recording`, compares against and fills a build manifest.
    func write(_ site: RenderedSite, recording: Recording?) throws(Failure) -> (report: Report, recording: Recording?) {
        let previous = recording?.previous
        let staged = try stage(previous: { previous }, records: recording != nil)
        let paths = site.paths.sorted()
        progress?.begin("write", total: paths.count)
        DispatchQueue.concurrentPerform(iterations: OutputWriter.workers) { worker in
            var index = worker
            while index < paths.count, !staged.hasFailed {
                staged.add(paths[index], site[paths[index]]!)
                index += OutputWriter.workers
            }
        }
        return try commit(staged, recording: recording)
    }

    /// Starts a write: finishes an interrupted one first, then makes an empty staging folder.
    /// `previous`: the last build's manifest, to compare files by hash (asked for when the first
    /// file is staged, so it may still be in the making); `records`: hash every file for the next one.
    func stage(previous: @escaping @Sendable () -> BuildManifest?, records: Bool) throws(Failure) -> StagedOutput {
        try recover()
        let staging = stagingDirectory()
        FileIO.removeTree(staging)
        do throws(FileIO.Failure) {
            try FileIO.makeDirectories(staging)
        } catch {
            throw Failure(description: error.description)
        }
        return StagedOutput(writer: self, staging: staging, previous: previous, records: records)
    }

    /// Puts what `staged` holds in place (the files it staged, then stale files removed), or
    /// throws with the output folder untouched when staging failed. With `recording`, returns
    /// every output file's manifest entry.
    func commit(_ staged: StagedOutput, recording: Recording?) throws(Failure) -> (report: Report, recording: Recording?) {
        if let message = staged.failure {
            staged.discard()
            throw Failure(description: message)
        }
        let files = staged.files
        let paths = files.keys.sorted()
        var report = Report()
        let kept = recording?.kept ?? KeptOutputs()
        let written = paths.filter { files[$0]!.changed }
        // What the output holds (sorted) that this build neither staged nor kept, and the rest.
        var stale: [String] = [], remaining: [String] = []
        if !staged.fresh {
            for path in staged.previous?.paths ?? staged.existing.sorted() {
                if files[path] == nil && !kept.contains(path) { stale.append(path) } else { remaining.append(path) }
            }
        }
        if let message = recording?.beforeCommit() {
            staged.discard()
            throw Failure(description: message)
        }
        do throws(FileIO.Failure) {
            if staged.fresh {
                try FileIO.rename(staged.staging, outputDirectory)
                report.written = paths.count
            } else {
                report.unchanged = paths.count - written.count + kept.count
                if !written.isEmpty || !stale.isEmpty {
                    try writeJournal(written: written, removed: stale)
                    try replay(written: written, removed: stale, from: staged.staging)
                    report.written = written.count
                    report.removed = stale.count
                    try? FileIO.remove(journalPath())
                }
            }
        } catch {
            staged.discard()
            throw Failure(description: error.description)
        }
        staged.discard()
        guard var recording else { return (report, nil) }

        // Record every file as it now is in the output folder.
        if let previous = staged.previous {
            // The last build's entries less the stale files', then the staged files'.
            recording.entries = previous.files
            for path in stale { recording.entries[path] = nil }
            recording.paths = remaining.mergingSorted(paths.filter { previous.files[$0] == nil && !kept.contains($0) })
        } else {
            recording.entries = [:]
            recording.entries.reserveCapacity(paths.count + kept.count)
            // (Search documents are kept only against a manifest: without one there are none.)
            for path in kept.paths { recording.entries[path] = recording.previous?.files[path] }
        }
        for path in paths where !kept.contains(path) {  // a kept file keeps its last entry
            let file = files[path]!
            if !file.changed, let entry = staged.previous?.files[path], entry.hash == file.hash {
                recording.entries[path] = entry
            } else {
                recording.entries[path] = BuildManifest.Entry(hash: file.hash, key: nil)
            }
        }
        if staged.previous == nil { recording.paths = recording.entries.keys.sorted() }
        return (report, recording)
    }

    /// Finishes a write that was interrupted while moving files into place (its journal is still
    /// there), then removes staging leftovers. Returns whether there was anything to finish.
    @discardableResult
    public func recover() throws(Failure) -> Bool {
        let journal = journalPath()
        let staging = stagingDirectory()
        FileIO.removeTree(journal + ".tmp")
        guard let bytes = FileIO.read(journal) else {
            FileIO.removeTree(staging)
            return false
        }
        var written: [String] = []
        var removed: [String] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let path = String(line.dropFirst(2))
            guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else { continue }
            if line.hasPrefix("W ") { written.append(path) } else if line.hasPrefix("D ") { removed.append(path) }
        }
        do throws(FileIO.Failure) {
            try replay(written: written, removed: removed, from: staging)
        } catch {
            throw Failure(description: error.description)
        }
        try? FileIO.remove(journal)
        FileIO.removeTree(staging)
        return true
    }

    /// Whether an interrupted write left a journal to replay: the output folder may be mixed.
    public var isInterrupted: Bool { FileIO.exists(journalPath()) }

    /// Moves `written` from `staging` into place and removes `removed`; each step may already be
    /// done (a replay after a kill), so a missing source or target is skipped.
    private func replay(written: [String], removed: [String], from staging: String) throws(FileIO.Failure) {
        for path in written {
            let source = staging + "/" + path
            guard FileIO.exists(source) else { continue }
            let target = outputDirectory + "/" + path
            if let slash = target.lastIndex(of: "/") { try FileIO.makeDirectories(String(target[..<slash])) }
            if FileIO.isDirectory(target) { FileIO.removeTree(target) }
            try FileIO.rename(source, target)
        }
        for stale in removed {
            try FileIO.remove(outputDirectory + "/" + stale)
            FileIO.removeEmptyFolders(of: stale, under: outputDirectory)
        }
    }

    /// Writes the journal of a commit (`W path` per file moved into place, `D path` per removal),
    /// durably and atomically: a temp file, fsync, then rename.
    private func writeJournal(written: [String], removed: [String]) throws(FileIO.Failure) {
        var text = ""
        for path in written { text += "W \(path)\n" }
        for path in removed { text += "D \(path)\n" }
        let journal = journalPath()
        try FileIO.write(Array(text.utf8), to: journal + ".tmp", sync: true)
        try FileIO.rename(journal + ".tmp", journal)
    }

    /// `site/` → `.site.journal` beside it.
    func journalPath() -> String {
        siblingPath(suffix: "journal")
    }

    static let workers = ParallelWork.workers

    /// `site/` → `.site.staging` beside it.
    func stagingDirectory() -> String {
        siblingPath(suffix: "staging")
    }

    private func siblingPath(suffix: String) -> String {
        guard let slash = outputDirectory.lastIndex(of: "/") else { return ".\(outputDirectory).\(suffix)" }
        let parent = outputDirectory[..<slash]
        let name = outputDirectory[outputDirectory.index(after: slash)...]
        return "\(parent)/.\(name).\(suffix)"
    }

    static func same(_ bytes: [UInt8], at path: String) -> Bool {
        guard FileIO.size(path) == bytes.count, let old = FileIO.read(path) else { return false }
        return old == bytes
    }
}
