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
/// The file is text, one record per line, ending with a checksum line: a truncated, edited or
/// foreign file does not load, and the build then runs without it.
struct BuildManifest: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var stamp: FileStamp
        /// XXH64 of the file's bytes.
        var hash: UInt64
        /// For pages: the hash of the page's inputs; nil for other files.
        var key: UInt64?
    }

    static let format = "daybook-build-cache 1"

    /// The output folder, as given to the writer.
    var output: String
    /// Hash of the build's inputs (see `BuildInputs`).
    var inputs: UInt64
    /// When the build started, in nanoseconds since 1970 (before it read any input).
    var started: Int
    var warnings: [Diagnostic] = []
    /// Every output file, by path; empty when only the header was read (`decoding(_:filesToo:)`).
    var files: [String: Entry] = [:]
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

    init(output: String, inputs: UInt64, started: Int, warnings: [Diagnostic] = [], files: [String: Entry] = [:]) {
        self.output = output
        self.inputs = inputs
        self.started = started
        self.warnings = warnings
        self.files = files
        fileCount = files.count
        pageCount = files.filter { $0.value.key != nil && $0.key.hasSuffix(".html") }.count
        let paths = files.keys.sorted()
        topLevel = Array(Set(paths.map { String($0.prefix { $0 != "/" }) })).sorted()
        let step = max(1, paths.count / BuildManifest.sampleSize)
        checks = stride(from: 0, to: paths.count, by: step).map { Check(path: paths[$0], stamp: files[paths[$0]]!.stamp) }
    }

    private init(output: String, inputs: UInt64, started: Int, warnings: [Diagnostic], files: [String: Entry],
                 topLevel: [String], checks: [Check], fileCount: Int, pageCount: Int) {
        self.output = output
        self.inputs = inputs
        self.started = started
        self.warnings = warnings
        self.files = files
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

    // MARK: Text form

    func encoded() -> [UInt8] {
        var text = BuildManifest.format + "\n"
        text += "output\t" + BuildManifest.escape(output) + "\n"
        text += "inputs\t" + String(inputs, radix: 16) + "\n"
        text += "started\t" + String(started) + "\n"
        for warning in warnings {
            text += ["warning", BuildManifest.escape(warning.path), String(warning.line), String(warning.column),
                     warning.severity.rawValue, BuildManifest.escape(warning.message)].joined(separator: "\t") + "\n"
        }
        text += "files\t\(fileCount)\t\(pageCount)\n"
        for name in topLevel { text += "top\t" + BuildManifest.escape(name) + "\n" }
        for check in checks {
            text += ["check", BuildManifest.escape(check.path), String(check.stamp.size), String(check.stamp.modified),
                     String(check.stamp.changed), String(check.stamp.inode)].joined(separator: "\t") + "\n"
        }
        for path in files.keys.sorted() {
            let entry = files[path]!
            text += ["file", BuildManifest.escape(path), String(entry.stamp.size), String(entry.stamp.modified),
                     String(entry.stamp.changed), String(entry.stamp.inode), String(entry.hash, radix: 16),
                     entry.key.map { String($0, radix: 16) } ?? "-"].joined(separator: "\t") + "\n"
        }
        var bytes = Array(text.utf8)
        bytes += Array("end\t\(String(XXH64.hash(bytes), radix: 16))\n".utf8)
        return bytes
    }

    /// Parses `encoded()`'s form; nil for anything else (never a partial manifest). Without
    /// `filesToo`, stops before the file entries (the checksum still covers them).
    init?(decoding bytes: [UInt8], filesToo: Bool = true) {
        guard let last = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")), bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes[...last]
        let trailer = String(decoding: bytes[(last + 1)...].dropLast(), as: UTF8.self)
        guard trailer == "end\t" + String(XXH64.hash(body), radix: 16) else { return nil }
        // Without the files, only the lines before the first file entry are read.
        let header = filesToo ? body[...] : body[..<(BuildManifest.firstFileLine(in: body) ?? body.endIndex)]
        var lines = String(decoding: header, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.popFirst() == Substring(BuildManifest.format) else { return nil }
        var output: String?
        var inputs: UInt64?
        var started: Int?
        var warnings: [Diagnostic] = []
        var files: [String: Entry] = [:]
        var topLevel: [String] = []
        var checks: [Check] = []
        var counts: (files: Int, pages: Int)?
        for line in lines {
            if !filesToo && line.hasPrefix("file\t") { break }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch (fields.first, fields.count) {
            case ("files", 3):
                guard let files = Int(fields[1]), let pages = Int(fields[2]) else { return nil }
                counts = (files, pages)
            case ("top", 2): topLevel.append(BuildManifest.unescape(fields[1]))
            case ("check", 6):
                guard let size = Int(fields[2]), let modified = Int(fields[3]), let changed = Int(fields[4]),
                      let inode = UInt64(fields[5]) else { return nil }
                checks.append(Check(path: BuildManifest.unescape(fields[1]),
                                    stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode)))
            case ("output", 2): output = BuildManifest.unescape(fields[1])
            case ("inputs", 2): inputs = UInt64(fields[1], radix: 16)
            case ("started", 2): started = Int(fields[1])
            case ("warning", 6):
                guard let line = Int(fields[2]), let column = Int(fields[3]),
                      let severity = Diagnostic.Severity(rawValue: String(fields[4])) else { return nil }
                warnings.append(Diagnostic(path: BuildManifest.unescape(fields[1]), line: line, column: column,
                                           message: BuildManifest.unescape(fields[5]), severity: severity))
            case ("file", 8):
                guard let size = Int(fields[2]), let modified = Int(fields[3]), let changed = Int(fields[4]),
                      let inode = UInt64(fields[5]), let hash = UInt64(fields[6], radix: 16) else { return nil }
                let key = fields[7] == "-" ? nil : UInt64(fields[7], radix: 16)
                if fields[7] != "-" && key == nil { return nil }
                files[BuildManifest.unescape(fields[1])] = Entry(
                    stamp: FileStamp(size: size, modified: modified, changed: changed, inode: inode), hash: hash, key: key)
            default:
                return nil
            }
        }
        guard let output, let inputs, let started, let counts, !filesToo || files.count == counts.files else { return nil }
        self.init(output: output, inputs: inputs, started: started, warnings: warnings, files: files,
                  topLevel: topLevel, checks: checks, fileCount: counts.files, pageCount: counts.pages)
    }

    /// Where the first `file` line starts in `body`.
    private static func firstFileLine(in body: ArraySlice<UInt8>) -> Int? {
        let marker = Array("\nfile\t".utf8)
        var index = body.startIndex
        while let newline = body[index...].firstIndex(of: UInt8(ascii: "\n")) {
            if body[newline...].starts(with: marker) { return newline + 1 }
            index = newline + 1
        }
        return nil
    }

    /// Tabs, line breaks and `%` as `%09`, `%0A`, `%0D`, `%25`, so a field stays on its line.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 || $0 == 37 }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": out += "%09"
            case "\n": out += "%0A"
            case "\r": out += "%0D"
            case "%": out += "%25"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ text: Substring) -> String {
        guard text.contains("%") else { return String(text) }
        var out = ""
        var rest = text[...]
        while let percent = rest.firstIndex(of: "%") {
            out += rest[..<percent]
            let code = rest[percent...].prefix(3)
            switch code {
            case "%09": out += "\t"
            case "%0A": out += "\n"
            case "%0D": out += "\r"
            case "%25": out += "%"
            default: out += code
            }
            rest = rest[percent...].dropFirst(code.count)
        }
        return out + rest
    }
}
