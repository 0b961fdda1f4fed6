import DaybookContent
import DaybookRender
import DaybookSystem

/// The build cache's record of the content, one per site, beside the manifests: what every
/// content file parsed to, with the stamp it had when it was read, and what Markdown made of
/// every paper's title and abstract. A build after a small change (the daily job's new day) then
/// parses only the files whose stamps changed and renders only the Markdown whose text changed,
/// where it would otherwise parse and render every record.
///
/// It is kept in two files: `content.cache`, the base, and `content.delta`, what changed since
/// the base was written. A build that changed little rewrites only the delta; one that changed
/// much (more than an eighth of the base) writes a new base and drops the delta. Each file is
/// binary (`BinaryWriter`), written atomically and trusted only when whole: its header names the
/// format and the Daybook that wrote it (`DaybookIdentity`: any other executable starts
/// afresh), a delta names the base it extends, and a checksum covers everything.
///
/// A file's entry is reused only when its stamp is the same and was already old when the build
/// that read it started (a save in the same clock tick as the read could keep the stamp: see
/// `BuildInputs`).
package struct ContentCache: Sendable {
    static let format = "daybook-content-cache 6"
    static let baseName = "content.cache"
    static let deltaName = "content.delta"

    /// One file of the cache.
    struct Part: Sendable {
        /// When the build that wrote it started, in nanoseconds since 1970 (before it read any file).
        var started: Int
        /// Each content file's parse, by display path (`content/…`).
        var files: [String: ParsedContentFile]
        /// Each paper's Markdown, by `PaperViewBuilder.textKey`.
        var texts: [UInt64: PaperText]
        /// For a delta, the checksum of the base it extends; nil for a base.
        var base: UInt64?
    }

    /// What a build takes from the cache: the files it may reuse and every paper's Markdown (by
    /// `PaperViewBuilder.textKey`), and how it keeps what it loaded for the next build.
    package struct Use {
        package var files: ContentReuse
        package var texts: @Sendable (UInt64) -> PaperText?
        /// Writes the build's contents beside the cache (`stage`), for the build to put in place
        /// when it ends; nil when the use was made without a start.
        var keep: (@Sendable (Contents) -> StagedSave)?
    }

    /// Every file under `contentFolder` with its stamp, by display path (`content/…`).
    package static func stamps(of contentFolder: String) -> [String: FileStamp] {
        stamps(FileStamp.tree(contentFolder))
    }

    /// `files` (paths relative to `content/`, as `FileStamp.tree` gives them) by display path.
    static func stamps(_ files: [(path: String, stamp: FileStamp)]) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        stamps.reserveCapacity(files.count)
        for (path, stamp) in files { stamps["content/" + path] = stamp }
        return stamps
    }

    /// What a build gives the cache to keep: every file it loaded, sorted by path (and which of
    /// them it parsed rather than reused), and every paper's Markdown.
    struct Contents: Sendable {
        var files: [(path: String, file: ParsedContentFile)]
        var parsed: Set<String>
        var texts: [UInt64: PaperText]
    }

    let folder: String
    /// The base and its checksum, when there is a whole one.
    private(set) var base: (part: Part, checksum: UInt64)?
    /// The delta, when there is a whole one over `base`.
    private(set) var delta: Part?

    /// The cache in `folder` as found; with `read` false, an empty one (which the build then writes anew).
    package init(folder: String, read: Bool = true) {
        self.folder = folder
        guard read, let bytes = FileIO.read(folder + "/" + ContentCache.baseName),
              let (part, checksum) = ContentCache.decode(bytes) , part.base == nil else { return }
        base = (part, checksum)
        if let bytes = FileIO.read(folder + "/" + ContentCache.deltaName), let (delta, _) = ContentCache.decode(bytes),
           delta.base == checksum {
            self.delta = delta
        }
    }

    /// What a build may take, given every content file's stamp now (and, when the walk that
    /// stamped them allows, their `listing`: see `ContentReuse`): each part's entries trusted by
    /// its own start, the delta's over the base's. Entries are looked up in the parts as read,
    /// not copied. With `started` (when the build began: see `BuildInputs`), the use can `keep`
    /// the build's contents.
    package func use(stamps: [String: FileStamp], listing: [(path: String, stamp: FileStamp)]? = nil,
                     started: Int? = nil) -> Use {
        let parts = [delta, base?.part].compactMap { $0 }
        let texts = parts.map(\.texts)
        return Use(files: ContentReuse(stamps: stamps, listing: listing) { path in
            for part in parts {
                guard let file = part.files[path] else { continue }
                let settled = part.started - BuildInputs.racyMargin
                guard let stamp = file.stamp, stamp.modified < settled, stamp.changed < settled else { return nil }
                return file
            }
            return nil
        }, texts: { key in
            for part in texts { if let text = part[key] { return text } }
            return nil
        }, keep: started.map { started in
            let cache = self
            return { @Sendable (contents: Contents) -> StagedSave in cache.stage(contents, started: started) }
        })
    }

    /// Keeps `contents` for the next build (`stage`, then `commit`).
    func save(_ contents: Contents, started: Int) {
        stage(contents, started: started).commit()
    }

    /// Writes what keeps `contents` for the next build beside the cache's files, put in place by
    /// the result's `commit` (so a build can write it while it renders and put it in place when it
    /// ends, or `discard` it): a delta over the base when what differs from it is at most an
    /// eighth of it, else a new base. A cache that cannot be written costs the next build its
    /// savings, nothing else, so failures are ignored.
    func stage(_ contents: Contents, started: Int) -> StagedSave {
        if let base {
            let files = contents.files.filter { path, file in
                contents.parsed.contains(path) || base.part.files[path]?.stamp != file.stamp
            }
            let texts = contents.texts.filter { base.part.texts.index(forKey: $0.key) == nil }
            let size = base.part.files.count + base.part.texts.count
            if files.count + texts.count <= max(64, size / 8) {
                let delta = ContentCache.encode(started: started, base: base.checksum, files: files, texts: texts)
                return StagedSave(file: ContentCache.stage(delta, to: folder + "/" + ContentCache.deltaName))
            }
        }
        // Appended as it is encoded: 180 MB at 100,000 papers are never held whole.
        let file = try? FileIO.Replacement(folder + "/" + ContentCache.baseName) { file throws(FileIO.Failure) in
            try ContentCache.encode(started: started, base: nil, files: contents.files, texts: contents.texts) {
                (bytes: [UInt8]) throws(FileIO.Failure) in try file.append(bytes)
            }
        }
        return StagedSave(file: file, replacesDelta: folder + "/" + ContentCache.deltaName)
    }

    /// A cache file written by `stage`, not yet in place.
    struct StagedSave: Sendable {
        var file: FileIO.Replacement?
        /// The delta a new base makes stale, removed before the base goes in place.
        var replacesDelta: String?

        func commit() {
            if let replacesDelta { FileIO.removeTree(replacesDelta) }
            try? file?.commit()
        }

        func discard() {
            file?.discard()
        }
    }

    /// Writes a cache file atomically (`FileIO.Replacement`; the search cache's and manifests too). A
    /// cache that cannot be written costs the next build its savings, nothing else, so a failure
    /// is not the build's.
    static func write(_ bytes: [UInt8], to path: String) {
        try? stage(bytes, to: path)?.commit()
    }

    /// `bytes` written beside `path`, to be put in place by `commit` (nil if they cannot be written).
    static func stage(_ bytes: [UInt8], to path: String) -> FileIO.Replacement? {
        try? FileIO.Replacement(path) { file throws(FileIO.Failure) in try file.append(bytes) }
    }

    /// The identity a cache must carry to be read: this executable's (see `DaybookIdentity`).
    static let identity: UInt64 = {
        var hasher = StableHasher()
        DaybookIdentity.combine(into: &hasher)
        return hasher.value
    }()

    static func encode(_ part: Part) -> [UInt8] {
        let files = part.files.keys.sorted().map { (path: $0, file: part.files[$0]!) }
        return encode(started: part.started, base: part.base, files: files, texts: part.texts)
    }

    /// Files, and texts, encoded together: each run decodes on its own, so a large cache is
    /// decoded on every core. A file run is about 3 MB (a record's entry is about 1.5 kB), so the
    /// runs a base is encoded in hold little at once.
    static let fileRun = 2_048, textRun = 8_192

    /// A part of `files` (sorted by path; those without a stamp are left out) and `texts`: a
    /// header, then the files and the texts in runs (`fileRun`, `textRun`), each run preceded by
    /// its length, then a checksum of everything.
    static func encode(started: Int, base: UInt64?, files: [(path: String, file: ParsedContentFile)],
                       texts: [UInt64: PaperText]) -> [UInt8] {
        var bytes: [UInt8] = []
        encode(started: started, base: base, files: files, texts: texts) { bytes += $0 }
        return bytes
    }

    /// `encode(started:base:files:texts:)` given to `emit` piece by piece, in order: the runs are
    /// made on every core a few at a time, so a large cache (180 MB at 100,000 papers) is never
    /// held whole, nor twice over as runs and their concatenation.
    static func encode<Failure: Error>(started: Int, base: UInt64?, files: [(path: String, file: ParsedContentFile)],
                                       texts: [UInt64: PaperText], into emit: ([UInt8]) throws(Failure) -> Void) throws(Failure) {
        let stamped = files.filter { $0.file.stamp != nil }
        let textKeys = texts.keys.sorted()
        var header = BinaryWriter(capacity: 256)
        header.write(ContentCache.format)
        header.writeFixed(ContentCache.identity)
        header.write(started)
        header.write(base != nil)
        if let base { header.writeFixed(base) }
        header.write(UInt64(stamped.count))
        header.write(UInt64(textKeys.count))
        var checksum = XXH64.Streaming()
        func give(_ bytes: [UInt8]) throws(Failure) {
            bytes.withUnsafeBytes { checksum.update($0) }
            try emit(bytes)
        }
        try give(header.bytes)
        // Each run: a file run's or a text run's start, made with its length in front.
        let runs = stride(from: 0, to: stamped.count, by: fileRun).map { (start: $0, isFiles: true) }
            + stride(from: 0, to: textKeys.count, by: textRun).map { (start: $0, isFiles: false) }
        // As many runs at once as there are cores; each writer starts at the size the last run of
        // its kind took (so it grows by doubling at most once or twice).
        let batch = max(1, ParallelWork.workers)
        var fileSize = 1 << 16, textSize = 1 << 16
        for first in stride(from: 0, to: runs.count, by: batch) {
            let taken = Array(runs[first..<min(runs.count, first + batch)])
            let made = taken.parallelMap { [fileSize, textSize] run in
                var writer = BinaryWriter(capacity: run.isFiles ? fileSize : textSize)
                if run.isFiles {
                    for (path, file) in stamped[run.start..<min(stamped.count, run.start + fileRun)] { encode(path, file, into: &writer) }
                } else {
                    for key in textKeys[run.start..<min(textKeys.count, run.start + textRun)] { encode(key, texts[key]!, into: &writer) }
                }
                return writer.bytes
            }
            for (run, bytes) in zip(taken, made) {
                if run.isFiles { fileSize = bytes.count } else { textSize = bytes.count }
                var length = BinaryWriter(capacity: 10)
                length.write(UInt64(bytes.count))
                try give(length.bytes)
                try give(bytes)
            }
        }
        var trailer = BinaryWriter(capacity: 8)
        trailer.writeFixed(checksum.value)
        try emit(trailer.bytes)
    }

    private static func encode(_ path: String, _ file: ParsedContentFile, into writer: inout BinaryWriter) {
        writer.write(path)
        file.stamp!.encode(into: &writer)
        switch file.content {
        case .record(let record):
            writer.write(false)
            encode(record.paper, into: &writer)
            for position in [record.idPosition, record.dayPosition, record.titlePosition] {
                writer.write(position.line)
                writer.write(position.column)
            }
        case .imported(let papers):
            writer.write(true)
            writer.write(UInt64(papers.count))
            for paper in papers { encode(paper, into: &writer) }
        }
    }

    /// A paper and its hashes (which the build made anyway), so that the next build need not hash it.
    private static func encode(_ paper: Paper, into writer: inout BinaryWriter) {
        paper.encode(into: &writer)
        writer.writeFixed(paper.stableHash)
        writer.writeFixed(paper.textHash)
    }

    private static func decodePaper(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> Paper {
        let paper = try Paper(from: &reader)
        paper.remember(stableHash: try reader.readFixed(), textHash: try reader.readFixed())
        return paper
    }

    private static func encode(_ key: UInt64, _ text: PaperText, into writer: inout BinaryWriter) {
        writer.writeFixed(key)
        writer.write(text.title)
        writer.write(text.titleHTML)
        writer.write(text.excerpt)
        writer.write(text.hasAbstract)
        writer.write(text.hasMath)
    }

    /// The part in `bytes` and its checksum, or nil when they are not a whole part written by
    /// this executable. Runs are decoded on every core.
    static func decode(_ bytes: [UInt8]) -> (Part, UInt64)? {
        guard let checked = BinaryReader.checked(bytes) else { return nil }
        var reader = checked.reader
        let checksum = checked.checksum
        do throws(BinaryReader.Malformed) {
            guard try reader.readString() == ContentCache.format, try reader.readFixed() == ContentCache.identity else { return nil }
            var part = Part(started: try reader.readInt(), files: [:], texts: [:], base: nil)
            if try reader.readBool() { part.base = try reader.readFixed() }
            let fileCount = try reader.readCount()
            let textCount = try reader.readCount()
            // Each run's bytes, found by their lengths; the runs' counts follow from the totals.
            var runs: [(range: Range<Int>, count: Int, isFiles: Bool)] = []
            for (total, size, isFiles) in [(fileCount, fileRun, true), (textCount, textRun, false)] {
                for start in stride(from: 0, to: total, by: size) {
                    let length = try reader.readCount()
                    runs.append((reader.offset..<reader.offset + length, min(size, total - start), isFiles))
                    try reader.skip(length)
                }
            }
            guard reader.isAtEnd else { return nil }
            let decoded = runs.parallelMap { run -> Run? in
                var reader = BinaryReader(bytes, range: run.range)
                do throws(BinaryReader.Malformed) {
                    var out = Run()
                    if run.isFiles {
                        out.files.reserveCapacity(run.count)
                        for _ in 0..<run.count { out.files.append(try decodeFile(&reader)) }
                    } else {
                        out.texts.reserveCapacity(run.count)
                        for _ in 0..<run.count { out.texts.append(try decodeText(&reader)) }
                    }
                    return reader.isAtEnd ? out : nil
                } catch {
                    return nil
                }
            }
            let whole = decoded.compactMap { $0 }
            guard whole.count == decoded.count else { return nil }
            // The two tables filled at once, the texts' on another core.
            let texts = BackgroundWork { () -> [UInt64: PaperText] in
                var texts: [UInt64: PaperText] = [:]
                texts.reserveCapacity(textCount)
                for run in whole { for (key, text) in run.texts { texts[key] = text } }
                return texts
            }
            part.files.reserveCapacity(fileCount)
            for run in whole { for (path, file) in run.files { part.files[path] = file } }
            part.texts = texts.take()
            return (part, checksum)
        } catch {
            return nil
        }
    }

    /// What one run decodes to.
    private struct Run: Sendable {
        var files: [(String, ParsedContentFile)] = []
        var texts: [(UInt64, PaperText)] = []
    }

    private static func decodeFile(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> (String, ParsedContentFile) {
        let path = try reader.readString()
        let stamp = try FileStamp(from: &reader)
        if try reader.readBool() {
            var papers: [Paper] = []
            for _ in 0..<(try reader.readCount()) { papers.append(try decodePaper(&reader)) }
            return (path, ParsedContentFile(stamp: stamp, content: .imported(papers)))
        }
        let paper = try decodePaper(&reader)
        var positions: [(line: Int, column: Int)] = []
        for _ in 0..<3 { positions.append((try reader.readInt(), try reader.readInt())) }
        return (path, ParsedContentFile(stamp: stamp, content: .record(PaperRecordParser.Record(
            paper: paper, idPosition: positions[0], dayPosition: positions[1], titlePosition: positions[2]))))
    }

    private static func decodeText(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> (UInt64, PaperText) {
        let key = try reader.readFixed()
        return (key, PaperText(title: try reader.readString(), titleHTML: try reader.readString(),
                               excerpt: try reader.readString(), hasAbstract: try reader.readBool(),
                               hasMath: try reader.readBool()))
    }
}
