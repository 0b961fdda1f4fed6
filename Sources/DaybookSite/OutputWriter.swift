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
/// Hidden entries at the top of the output folder (`.git`, `.nojekyll`) are left alone.
public struct OutputWriter: Sendable {
    public let outputDirectory: String

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
        let paths = site.paths.sorted()
        let staging = stagingDirectory()
        FileIO.removeTree(staging)
        do throws(FileIO.Failure) {
            try FileIO.makeDirectories(staging)
        } catch {
            throw Failure(description: error.description)
        }
        let fresh = !FileIO.isDirectory(outputDirectory)
        let existing = fresh ? Set<String>() : Set(FileIO.walkFiles(outputDirectory))

        // 1. Compare and stage, in parallel. Nothing in the output folder changes here.
        let changed = UnsafeFlags(count: paths.count)
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: OutputWriter.workers) { worker in
            var index = worker
            while index < paths.count, !errors.hasError {
                let current = index
                index += OutputWriter.workers
                let path = paths[current]
                guard let bytes = site.contents(of: path) else {
                    errors.set("cannot read \(site[path].map { "\($0)" } ?? path)")
                    continue
                }
                if existing.contains(path), OutputWriter.same(bytes, at: outputDirectory + "/" + path) { continue }
                changed.set(current)
                let target = staging + "/" + path
                do throws(FileIO.Failure) {
                    if let slash = target.lastIndex(of: "/") { try FileIO.makeDirectories(String(target[..<slash])) }
                    try FileIO.write(bytes, to: target)
                } catch {
                    errors.set(error.description)
                }
            }
        }
        if let message = errors.message {
            FileIO.removeTree(staging)
            throw Failure(description: message)
        }

        // 2. Commit: everything is staged, so only renames and removals remain.
        var report = Report()
        do throws(FileIO.Failure) {
            if fresh {
                try FileIO.rename(staging, outputDirectory)
                report.written = paths.count
                return report
            }
            for (index, path) in paths.enumerated() {
                guard changed.get(index) else { report.unchanged += 1; continue }
                let target = outputDirectory + "/" + path
                if let slash = target.lastIndex(of: "/") { try FileIO.makeDirectories(String(target[..<slash])) }
                if FileIO.isDirectory(target) { FileIO.removeTree(target) }
                try FileIO.rename(staging + "/" + path, target)
                report.written += 1
            }
            let wanted = Set(paths)
            for stale in existing.subtracting(wanted).sorted() {
                try FileIO.remove(outputDirectory + "/" + stale)
                report.removed += 1
                removeEmptyParents(of: stale)
            }
        } catch {
            FileIO.removeTree(staging)
            throw Failure(description: error.description)
        }
        FileIO.removeTree(staging)
        return report
    }

    static let workers = 2

    /// `site/` → `.site.staging` beside it.
    func stagingDirectory() -> String {
        guard let slash = outputDirectory.lastIndex(of: "/") else { return ".\(outputDirectory).staging" }
        let parent = outputDirectory[..<slash]
        let name = outputDirectory[outputDirectory.index(after: slash)...]
        return "\(parent)/.\(name).staging"
    }

    static func same(_ bytes: [UInt8], at path: String) -> Bool {
        guard FileIO.size(path) == bytes.count, let old = FileIO.read(path) else { return false }
        return old == bytes
    }

    private func removeEmptyParents(of relative: String) {
        var parts = relative.split(separator: "/").dropLast()
        while !parts.isEmpty {
            let dir = outputDirectory + "/" + parts.joined(separator: "/")
            guard FileIO.list(dir).isEmpty else { return }
            rmdir(dir)
            parts = parts.dropLast()
        }
    }
}

/// One flag per file, each set by at most one worker (indices are partitioned), read after the join.
final class UnsafeFlags: @unchecked Sendable {
    private var flags: [Bool]
    init(count: Int) { flags = [Bool](repeating: false, count: count) }
    func set(_ index: Int) { flags.withUnsafeMutableBufferPointer { $0[index] = true } }
    func get(_ index: Int) -> Bool { flags[index] }
}

/// The first error from parallel workers.
final class ErrorBox: Sendable {
    private let first = Mutex<String?>(nil)
    var hasError: Bool { first.withLock { $0 != nil } }
    var message: String? { first.withLock { $0 } }
    func set(_ message: String) { first.withLock { if $0 == nil { $0 = message } } }
}
