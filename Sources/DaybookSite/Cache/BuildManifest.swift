import DaybookContent

/// The persistent build cache's record of the last successful build into one output folder:
/// what went in (`inputs`, a hash of every input file's stamp and the options), the warnings it
/// printed, and for every output file its stamp on disk, the hash of its bytes and, for pages,
/// the hash of what the page was made from (`key`).
///
/// It lets the next build skip everything when no input changed, skip rendering a page whose key
/// is the same, and skip writing a file whose bytes are the same, without reading the old output.
/// An entry is trusted only while the output file still has the recorded stamp. The file is
/// text, one record per line, ending with a checksum line: a truncated, edited or foreign file
/// does not load, and the build then runs without it.
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
    var files: [String: Entry] = [:]

    init(output: String, inputs: UInt64, started: Int, warnings: [Diagnostic] = [], files: [String: Entry] = [:]) {
        self.output = output
        self.inputs = inputs
        self.started = started
        self.warnings = warnings
        self.files = files
    }

    /// Whether every file still has its recorded stamp.
    func outputIsIntact() -> Bool {
        files.allSatisfy { FileStamp(path: output + "/" + $0.key) == $0.value.stamp }
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

    /// Parses `encoded()`'s form; nil for anything else (never a partial manifest).
    init?(decoding bytes: [UInt8]) {
        guard let last = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")), bytes.last == UInt8(ascii: "\n") else { return nil }
        let body = bytes[...last]
        let trailer = String(decoding: bytes[(last + 1)...].dropLast(), as: UTF8.self)
        guard trailer == "end\t" + String(XXH64.hash(body), radix: 16) else { return nil }
        var lines = String(decoding: body, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        guard lines.popFirst() == Substring(BuildManifest.format) else { return nil }
        var output: String?
        var inputs: UInt64?
        var started: Int?
        var warnings: [Diagnostic] = []
        var files: [String: Entry] = [:]
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch (fields.first, fields.count) {
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
        guard let output, let inputs, let started else { return nil }
        self.init(output: output, inputs: inputs, started: started, warnings: warnings, files: files)
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
