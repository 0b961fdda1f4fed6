import Yams

/// Parses one paper record: YAML front matter between `---` lines, then the Markdown abstract.
///
/// ```swift
/// let paper = try PaperRecordParser.parse(text, path: "content/papers/2026-11-20/2405.01234.md")
/// ```
/// Every problem in the file is reported at once, each as `path:line:column: message`.
/// Unknown fields are errors (a typo such as `upvote:` must not pass silently, as in Zola).
/// Tags keep their case as written (trimmed, inner whitespace collapsed, case-insensitive repeats dropped).
public enum PaperRecordParser {
    /// The front matter fields a record may set.
    public static let knownFields = ["id", "title", "authors", "author_count", "day", "published", "upvotes",
                                     "tags", "summary", "links", "stars", "withdrawn"]
    /// The keys `links` may hold.
    public static let knownLinks = ["arxiv", "pdf", "code", "project", "doi"]

    /// Parses a record's text.
    public static func parse(_ text: String, path: String) throws(ContentError) -> Paper {
        try parse(bytes: Array(text.utf8), path: path)
    }

    /// Parses a record's bytes as read from disk: UTF-8 is checked (a bad byte is an error naming its
    /// line and column), a byte-order mark is skipped, CRLF line ends are accepted.
    public static func parse(bytes: [UInt8], path: String) throws(ContentError) -> Paper {
        try parseRecord(bytes: bytes, path: path).paper
    }

    /// Parses a record's bytes (see `parse(bytes:path:)`), with where the fields that warnings
    /// point at were written.
    public static func parseWithPositions(bytes: [UInt8], path: String) throws(ContentError) -> (paper: Paper, positions: RecordPositions) {
        let record = try parseRecord(bytes: bytes, path: path)
        return (record.paper, record.positions)
    }

    /// The paper plus where its key fields were written, for the loader's cross-file checks.
    package struct Record: Sendable {
        package var paper: Paper
        package var idPosition: (line: Int, column: Int)
        package var dayPosition: (line: Int, column: Int)
        package var titlePosition: (line: Int, column: Int)

        package init(paper: Paper, idPosition: (line: Int, column: Int), dayPosition: (line: Int, column: Int),
                     titlePosition: (line: Int, column: Int)) {
            self.paper = paper
            self.idPosition = idPosition
            self.dayPosition = dayPosition
            self.titlePosition = titlePosition
        }

        var positions: RecordPositions { RecordPositions(day: dayPosition, title: titlePosition) }
    }

    static func parseRecord(bytes: [UInt8], path: String) throws(ContentError) -> Record {
        let start = bytes.starts(with: SourceText.byteOrderMark) ? 3 : 0
        let content = bytes[start...]
        try SourceText.checkUTF8(content, path: path)
        let split = try FrontMatterSplitter(content, path: path)
        let firstLine = FrontMatterSplitter.yamlFirstLine
        let yaml = String(decoding: split.yaml, as: UTF8.self)
        let root = try YAMLFieldReader.compose(yaml, path: path, firstLine: firstLine)
        var reader = YAMLFieldReader(path: path, firstLine: firstLine)
        let fields = root.map { reader.fields(of: $0, known: knownFields, context: nil) } ?? [:]

        func required(_ name: String) -> Node? {
            if let node = fields[name] { return node }
            reader.fail("missing required field '\(name)'", line: 1, column: 1)
            return nil
        }
        // Required fields first, in the order a reader expects them.
        let idNode = required("id")
        let titleNode = required("title")
        let dayNode = required("day")
        let id = idNode.flatMap { readID($0, reader: &reader) }
        let title = titleNode.flatMap { reader.requiredLine($0, field: "title") }
        var day: Day?
        if let dayNode {
            day = reader.day(dayNode, field: "day")
            if day == nil, YAMLFieldReader.isNull(dayNode) { reader.fail("'day' must not be empty", at: dayNode) }
        }

        var paper = Paper(id: id ?? "", title: title ?? "", day: day ?? Day(daysSinceEpoch: 0),
                          abstract: split.body, source: SourceLocation(path: path, bodyLine: split.bodyLine))
        if let node = fields["authors"] { paper.authors = reader.textList(node, field: "authors") ?? [] }
        if let node = fields["author_count"] { paper.authorCount = reader.wholeNumber(node, field: "author_count") }
        if let node = fields["published"] { paper.published = reader.day(node, field: "published") }
        if let node = fields["upvotes"] { paper.upvotes = reader.wholeNumber(node, field: "upvotes") }
        if let node = fields["tags"] { paper.tags = TagList.normalized(reader.textList(node, field: "tags") ?? []) }
        if let node = fields["summary"] {
            paper.summary = reader.text(node, field: "summary").map(SourceText.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        }
        if let node = fields["links"] { paper.links = readLinks(node, reader: &reader) }
        if let node = fields["stars"] { paper.stars = reader.wholeNumber(node, field: "stars") }
        if let node = fields["withdrawn"] { paper.withdrawn = reader.day(node, field: "withdrawn") }

        guard reader.diagnostics.isEmpty, id != nil, title != nil, day != nil else {
            throw ContentError(reader.diagnostics)
        }
        return Record(paper: paper,
                      idPosition: idNode.map(reader.position(of:)) ?? (1, 1),
                      dayPosition: dayNode.map(reader.position(of:)) ?? (1, 1),
                      titlePosition: titleNode.map(reader.position(of:)) ?? (1, 1))
    }

    private static func readID(_ node: Node, reader: inout YAMLFieldReader) -> String? {
        guard let raw = reader.text(node, field: "id") else {
            if case .scalar = node { reader.fail("'id' must not be empty", at: node) }
            return nil
        }
        let id = raw.trimmingSpaces
        if let problem = PaperIDProblem.find(in: id) {
            reader.fail("'id' \(problem)", at: node)
            return nil
        }
        return id
    }

    private static func readLinks(_ node: Node, reader: inout YAMLFieldReader) -> PaperLinks {
        var links = PaperLinks()
        if YAMLFieldReader.isNull(node) { return links }
        let fields = reader.fields(of: node, known: knownLinks, context: "'links'")
        if let value = fields["arxiv"] { links.arxiv = reader.url(value, field: "links.arxiv") }
        if let value = fields["pdf"] { links.pdf = reader.url(value, field: "links.pdf") }
        if let value = fields["code"] { links.code = reader.url(value, field: "links.code") }
        if let value = fields["project"] { links.project = reader.url(value, field: "links.project") }
        if let value = fields["doi"] { links.doi = reader.url(value, field: "links.doi") }
        return links
    }
}
