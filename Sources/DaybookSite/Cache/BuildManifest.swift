import DaybookContent
import DaybookSystem

/// The persistent build cache's record of the last successful build into one output folder:
/// what went in (`inputs`, a hash of every input file's stamp and the options), the warnings it
/// printed, and for every output file its stamp on disk, the hash of its bytes and, for pages,
/// the hash of what the page was made from (`key`).
///
/// It lets the next build skip everything when no input changed, skip rendering a page whose key
/// is the same, and skip writing a file whose bytes are the same, without reading the old output.
/// It describes the output folder only between builds: the writer deletes it before moving new
/// files into place and the new one is saved after, so a build killed in between leaves none.
/// The file is binary (`BinaryWriter`): the header (what a build with nothing to do reads), then
/// the files sorted by path, each path stored as the length it shares with the previous one and
/// the rest, then a checksum of everything: a truncated, edited or foreign file does not load,
/// and the build then runs without it.
struct BuildManifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        /// XXH64 of the file's bytes.
        var hash: UInt64
        /// For pages and feeds: the hash of their inputs; nil for other files.
        var key: UInt64?
    }

    static let format = "daybook-build-cache 2"

    /// The output folder, as given to the writer.
    var output: String
    /// Hash of the build's inputs (see `BuildInputs`).
    var inputs: UInt64
    /// When the build started, in nanoseconds since 1970 (before it read any input).
    var started: Int
    var warnings: [Diagnostic] = []
    /// Every output file, by path; empty when only the header was read (`decoding(_:filesToo:)`).
    private(set) var files: [String: Entry] = [:]
    /// The keys of `files`, sorted (the order they are stored in).
    private(set) var paths: [String] = []
    /// What `outputLooksIntact` checks, kept in the header so that a build with nothing to do
    /// reads no more: the first path component of every file, and a sample of files with stamps.
    var topLevel: [String]
    var checks: [Check]
    /// How many files, and how many of them pages (keyed HTML files; feeds have keys too), also in the header.
    var fileCount: Int
    var pageCount: Int

    /// A file the intact check stats.
    struct Check: Sendable, Equatable {
        var path: String
        var stamp: FileStamp
    }

    /// How many files the intact check samples.
    static let sampleSize = 64

    private static let htmlSuffix = Array(".html".utf8)
    /// Paths encoded together, each run starting from a whole path (`encoded()`).
    private static let encodingRun = 16_384

    /// A manifest of `files`, as the output folder now holds them: the sample the intact check
    /// uses is stamped from the folder (`checks`, when given, replaces it).
    /// `paths`, when given, are the keys of `files` sorted.
    init(output: String, inputs: UInt64, started: Int, warnings: [Diagnostic] = [], files: [String: Entry] = [:],
         paths: [String]? = nil, checks: [Check]? = nil) {
        self.output = output
        self.inputs = inputs
        self.started = started
        self.warnings = warnings
        self.files = files
        fileCount = files.count
        pageCount = files.count { $0.value.key != nil && FileNames.hasSuffix($0.key.utf8, BuildManifest.htmlSuffix) }
        let paths = paths ?? files.keys.sorted()
        self.paths = paths
        var topLevel: [String] = []
        var last: [UInt8]?
        for path in paths {  // sorted, so each first component comes in one run (compared as bytes)
            let first = path.utf8.prefix { $0 != UInt8(ascii: "/") }
            if let last, first.elementsEqual(last) { continue }
            last = Array(first)
            topLevel.append(String(decoding: first, as: UTF8.self))
        }
        self.topLevel = topLevel
        let step = max(1, paths.count / BuildManifest.sampleSize)
        self.checks = checks ?? stride(from: 0, to: paths.count, by: step).compactMap { index in
            FileStamp(path: output + "/" + paths[index]).map { Check(path: paths[index], stamp: $0) }
        }
    }

    private init(output: String, inputs: UInt64, started: Int, warnings: [Diagnostic], files: [String: Entry],
                 paths: [String], topLevel: [String], checks: [Check], fileCount: Int, pageCount: Int) {
        self.output = output
        self.inputs = inputs
        self.started = started
        self.warnings = warnings
        self.files = files
        self.paths = paths
        self.topLevel = topLevel
        self.checks = checks
        self.fileCount = fileCount
        self.pageCount = pageCount
    }

    /// Whether the output folder still looks as this build left it: every top-level entry is
    /// there and a sample of files (`checks`) has the recorded stamps. A cheap check, not a proof
    /// (statting every file of a large site costs seconds): it catches a removed output folder or
    /// section, not a page edited by hand (`--ignore-cache` restores those, as a build that renders
    /// the page does).
    func outputLooksIntact() -> Bool {
        topLevel.allSatisfy { FileIO.exists(output + "/" + $0) }
            && checks.allSatisfy { FileStamp(path: output + "/" + $0.path) == $0.stamp }
    }

    // MARK: Binary form

    func encoded() -> [UInt8] {
        var header = BinaryWriter()
        header.write(output)
        header.writeFixed(inputs)
        header.write(started)
        header.write(UInt64(warnings.count))
        for warning in warnings {
            header.write(warning.path)
            header.write(warning.line)
            header.write(warning.column)
            header.write(warning.severity == .warning)
            header.write(warning.message)
        }
        header.write(fileCount)
        header.write(pageCount)
        header.write(topLevel)
        header.write(UInt64(checks.count))
        for check in checks {
            header.write(check.path)
            check.stamp.encode(into: &header)
        }
        var writer = BinaryWriter(capacity: 64 + header.bytes.count + files.count * 40)
        writer.write(BuildManifest.format)
        writer.write(UInt64(header.bytes.count))
        writer.append(header.bytes)
        writer.write(UInt64(files.count))
        // In runs of a fixed size, on every core (each run starts with a whole path, so the bytes
        // do not depend on the number of cores).
        let runs = Array(stride(from: 0, to: paths.count, by: BuildManifest.encodingRun)).parallelMap { start in
            var run = BinaryWriter(capacity: BuildManifest.encodingRun * 40)
            var previous = ""
            for path in paths[start..<min(paths.count, start + BuildManifest.encodingRun)] {
                let entry = files[path]!
                var shared = 0
                for (a, b) in zip(previous.utf8, path.utf8) {
                    guard a == b else { break }
                    shared += 1
                }
                run.write(UInt64(shared))
                run.write(UInt64(path.utf8.count - shared))
                run.append(path.utf8.dropFirst(shared))
                run.writeFixed(entry.hash)
                run.write(entry.key != nil)
                if let key = entry.key { run.writeFixed(key) }
                previous = path
            }
            return run.bytes
        }
        for run in runs { writer.append(run) }
        let checksum = writer.bytes.withUnsafeBytes { XXH64.hash($0) }
        writer.writeFixed(checksum)
        return writer.bytes
    }

    /// Parses `encoded()`'s form; nil for anything else (never a partial manifest). Without
    /// `filesToo`, stops after the header (the checksum still covers everything).
    init?(decoding bytes: [UInt8], filesToo: Bool = true) {
        guard bytes.count >= 8 else { return nil }
        let bodyCount = bytes.count - 8
        var trailer = BinaryReader(bytes, range: bodyCount..<bytes.count)
        guard (try? trailer.readFixed()) == bytes.withUnsafeBytes({ XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[..<bodyCount])) })
        else { return nil }
        var reader = BinaryReader(bytes, range: 0..<bodyCount)
        do throws(BinaryReader.Malformed) {
            guard try reader.readString() == BuildManifest.format else { return nil }
            let headerCount = try reader.readCount()
            let headerEnd = reader.offset + headerCount
            let output = try reader.readString()
            let inputs = try reader.readFixed()
            let started = try reader.readInt()
            var warnings: [Diagnostic] = []
            for _ in 0..<(try reader.readCount()) {
                let path = try reader.readString()
                let line = try reader.readInt()
                let column = try reader.readInt()
                let severity: Diagnostic.Severity = try reader.readBool() ? .warning : .error
                warnings.append(Diagnostic(path: path, line: line, column: column, message: try reader.readString(), severity: severity))
            }
            let fileCount = try reader.readInt()
            let pageCount = try reader.readInt()
            let topLevel = try reader.readStrings()
            var checks: [Check] = []
            for _ in 0..<(try reader.readCount()) {
                let path = try reader.readString()
                checks.append(Check(path: path, stamp: try FileStamp(from: &reader)))
            }
            guard reader.offset == headerEnd else { return nil }
            var files: [String: Entry] = [:]
            var paths: [String] = []
            if filesToo {
                let count = try reader.readCount()
                guard count == fileCount else { return nil }
                files.reserveCapacity(count)
                paths.reserveCapacity(count)
                var previous: [UInt8] = []
                for _ in 0..<count {
                    let shared = try reader.readCount()
                    guard shared <= previous.count else { return nil }
                    let rest = try reader.readBytes()
                    var path = Array(previous[..<shared])
                    path += rest
                    let hash = try reader.readFixed()
                    let key = try reader.readBool() ? try reader.readFixed() : nil
                    let name = String(decoding: path, as: UTF8.self)
                    files[name] = Entry(hash: hash, key: key)
                    paths.append(name)
                    previous = path
                }
                guard reader.isAtEnd, files.count == count else { return nil }
            }
            self.init(output: output, inputs: inputs, started: started, warnings: warnings, files: files, paths: paths,
                      topLevel: topLevel, checks: checks, fileCount: fileCount, pageCount: pageCount)
        } catch {
            return nil
        }
    }
}
