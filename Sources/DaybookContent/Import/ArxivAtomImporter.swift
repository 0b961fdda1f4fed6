#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// Reads an arXiv API response (Atom XML) into papers.
///
/// Ids lose their version (`2509.04664v1` → `2509.04664`, `hep-ex/0307015v1` → `hep-ex/0307015`), hard-wrapped
/// titles and abstracts are joined, authors keep their order, the primary category becomes a tag, and the
/// links are the version-free `https` abstract and PDF pages plus the DOI when there is one.
///
/// ```swift
/// let result = try ArxivAtomImporter().papers(from: data, path: "query.xml")
/// ```
public struct ArxivAtomImporter: Sendable {
    /// The day the papers are featured on; nil features each on its publication date.
    public var day: Day?

    public init(day: Day? = nil) {
        self.day = day
    }

    /// Every entry of the feed as a paper, in feed order. Malformed XML, an arXiv error entry or an entry
    /// without a usable id or title throws an error positioned at the problem.
    public func papers(from data: Data, path: String) throws(ContentError) -> ImportedPapers {
        let delegate = ArxivAtomParserDelegate()
        try FeedXMLParser.parse(data, delegate: delegate, path: path)
        guard delegate.sawFeed else {
            throw ContentError([Diagnostic(path: path, line: 1, column: 1, message: "not an Atom feed: no <feed> element")])
        }
        var result = ImportedPapers()
        var problems: [Diagnostic] = []
        for entry in delegate.entries {
            do {
                result.papers.append(try paper(from: entry, path: path))
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        return result
    }

    private func paper(from entry: ArxivAtomEntry, path: String) throws(ContentError) -> Paper {
        func failure(_ message: String) -> ContentError {
            ContentError([Diagnostic(path: path, line: entry.line, column: entry.column, message: message)])
        }
        let title = ArxivAtomImporter.joinedLines(entry.title)
        if title == "Error" {
            let detail = ArxivAtomImporter.joinedLines(entry.summary)
            throw failure("the arXiv API returned an error: \(detail.isEmpty ? "(no details)" : detail)")
        }
        guard let id = ArxivAtomImporter.arxivID(fromAbsURL: entry.id) else {
            throw failure("entry <id> is not an arXiv abstract URL: \(YAMLQuoting.quoted(entry.id.trimmingWhitespaceString))")
        }
        guard !title.isEmpty else { throw failure("entry \(id) has no <title>") }
        var published: Day?
        let publishedText = entry.published.trimmingWhitespaceString
        if !publishedText.isEmpty {
            guard let date = Day(iso: publishedText, allowTime: true) else {
                throw failure("entry \(id): <published> is not a date: \(YAMLQuoting.quoted(publishedText))")
            }
            published = date
        }
        guard let featured = day ?? published else {
            throw failure("entry \(id) has no <published> date; give the day to feature it on")
        }
        var links = PaperLinks(arxiv: "https://arxiv.org/abs/\(id)", pdf: "https://arxiv.org/pdf/\(id)")
        let doi = entry.doi.trimmingWhitespaceString
        if !doi.isEmpty {
            links.doi = "https://doi.org/" + doi
        } else if let link = entry.doiLink, let range = link.range(of: "doi.org/") {
            links.doi = "https://doi.org/" + link[range.upperBound...]
        }
        let category = entry.primaryCategory.trimmingWhitespaceString
        return Paper(id: id, title: title, authors: entry.authors.map(ArxivAtomImporter.joinedLines).filter { !$0.isEmpty },
                     day: featured, published: published, tags: category.isEmpty ? [] : [category], links: links,
                     abstract: ArxivAtomImporter.paragraphs(entry.summary),
                     source: SourceLocation(path: path, bodyLine: entry.line))
    }

    /// libxml2's error codes, which XMLParser reports, for the problems a hand-edited or cut-off feed has.
    private static let xmlProblems: [Int: String] = [
        3: "no document start", 4: "the document is empty", 5: "extra content at the end of the document",
        9: "invalid character", 23: "an entity reference is missing its ';'", 26: "undeclared entity",
        38: "'<' in an attribute value", 39: "attribute value not quoted", 41: "attribute without a value",
        42: "attribute given twice", 68: "a name is required", 72: "'<' expected", 73: "'>' expected",
        76: "the end tag does not match the open element", 77: "the document ends inside an element",
        86: "extra content at the end of the document",
    ]

    /// `the end tag does not match the open element (XMLParser error 76)`
    static func describe(code: Int) -> String {
        (xmlProblems[code].map { $0 + " " } ?? "") + "(XMLParser error \(code))"
    }

    /// `http://arxiv.org/abs/hep-ex/0307015v1` → `hep-ex/0307015`; nil when it is not an arXiv id.
    static func arxivID(fromAbsURL text: String) -> String? {
        let url = text.trimmingWhitespaceString
        guard let range = url.range(of: "/abs/") else { return nil }
        var id = Substring(url[range.upperBound...])
        if let v = id.lastIndex(of: "v"), id.index(after: v) < id.endIndex,
           id[id.index(after: v)...].allSatisfy(\.isASCIIDigit) {
            id = id[..<v]
        }
        let result = String(id)
        return PaperID.isArxiv(result) ? result : nil
    }

    /// Hard-wrapped text as one line: every whitespace run becomes one space.
    static func joinedLines(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Hard-wrapped text with its paragraphs (blank-line separated) kept apart.
    static func paragraphs(_ text: String) -> String {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: \.isWhitespace)
            if words.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current.removeAll()
            } else {
                current.append(contentsOf: words)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs.joined(separator: "\n\n")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
