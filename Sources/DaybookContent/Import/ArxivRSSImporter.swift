#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// Reads arXiv's daily announcement RSS (`https://rss.arxiv.org/rss/cs.CL+cs.LG`) into papers.
///
/// The featured day is the channel's `pubDate` (the announcement's date, as arXiv writes it). `new` and
/// `cross` items are the day's papers; `replace` and `replace-cross` items are new versions of older papers:
/// they only update records a site already has (`ImportedPapers.updates`). The description's
/// `arXiv:<id>v<N> Announce Type: <type> Abstract:` preamble is removed, the single `dc:creator` is split
/// into authors, the first category becomes a tag, `arxiv:DOI` becomes the DOI link. A channel titled
/// "Feed error for query: …" (a bad category) throws; a channel without items (a weekend, a holiday)
/// gives no papers and a warning.
///
/// ```swift
/// let announcement = try ArxivRSSImporter().announcement(from: data, path: "cs.CL.rss")
/// ```
public struct ArxivRSSImporter: Sendable {
    /// The day the new papers are featured on; nil: the channel's `pubDate`.
    public var day: Day?

    public init(day: Day? = nil) {
        self.day = day
    }

    /// One day's announcement.
    public struct Announcement: Sendable, Hashable {
        /// The channel's date; nil when the feed has none (an empty day).
        public var day: Day?
        /// `new` and `cross` items, in feed order.
        public var papers: [Paper]
        /// `replace` and `replace-cross` items: they update records already present, never create one.
        public var updates: [Paper]
    }

    /// The papers and updates as an import: an empty channel is a warning, not an error.
    public func papers(from data: Data, path: String) throws(ContentError) -> ImportedPapers {
        let announcement = try announcement(from: data, path: path)
        var result = ImportedPapers(papers: announcement.papers, updates: announcement.updates)
        if announcement.papers.isEmpty && announcement.updates.isEmpty {
            result.warnings.append(Diagnostic(path: path, message: "the feed has no announcements (arXiv announces nothing on weekends and holidays)"))
        }
        return result
    }

    public func announcement(from data: Data, path: String) throws(ContentError) -> Announcement {
        let delegate = ArxivRSSParserDelegate()
        try FeedXMLParser.parse(data, delegate: delegate, path: path)
        guard delegate.sawChannel else {
            throw ContentError([Diagnostic(path: path, line: 1, column: 1, message: "not an RSS feed: no <channel> element")])
        }
        let title = ArxivAtomImporter.joinedLines(delegate.channelTitle)
        if title.hasPrefix("Feed error") {
            let at = delegate.channelTitlePosition
            throw ContentError([Diagnostic(path: path, line: at.line, column: at.column,
                                           message: "arXiv answered with an error feed: \(SourceText.quoted(title)) (check the categories)")])
        }
        let pubDate = ArxivAtomImporter.joinedLines(delegate.channelPubDate)
        let channelDay = pubDate.isEmpty ? nil : Self.day(fromRFC822: pubDate)
        if !pubDate.isEmpty, channelDay == nil {
            let at = delegate.channelPubDatePosition
            throw ContentError([Diagnostic(path: path, line: at.line, column: at.column,
                                           message: "the channel's <pubDate> is not a date: \(SourceText.quoted(pubDate))")])
        }
        var announcement = Announcement(day: channelDay, papers: [], updates: [])
        var problems: [Diagnostic] = []
        for item in delegate.items {
            do {
                let (paper, isUpdate) = try paper(from: item, featured: day ?? channelDay, path: path)
                if isUpdate { announcement.updates.append(paper) } else { announcement.papers.append(paper) }
            } catch {
                problems.append(contentsOf: error.diagnostics)
            }
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        return announcement
    }

    private func paper(from item: ArxivRSSItem, featured: Day?, path: String) throws(ContentError) -> (Paper, Bool) {
        func failure(_ message: String) -> ContentError {
            ContentError([Diagnostic(path: path, line: item.line, column: item.column, message: message)])
        }
        let guid = item.guid.trimmingWhitespaceString
        let fromGUID = guid.hasPrefix("oai:arXiv.org:") ? ArxivAtomImporter.arxivID(fromAbsURL: "/abs/" + guid.dropFirst(14)) : nil
        guard let id = fromGUID ?? ArxivAtomImporter.arxivID(fromAbsURL: item.link) else {
            throw failure("item has no arXiv id in <guid> or <link>: \(SourceText.quoted(guid.isEmpty ? item.link : guid))")
        }
        let title = ArxivAtomImporter.joinedLines(item.title)
        guard !title.isEmpty else { throw failure("item \(id) has no <title>") }
        guard let featured else { throw failure("item \(id): the channel has no <pubDate>; give the day to feature it on") }
        let type = item.announceType.trimmingWhitespaceString
        let isUpdate: Bool
        switch type {
        case "new", "cross", "": isUpdate = false
        case "replace", "replace-cross": isUpdate = true
        default: throw failure("item \(id): unknown <arxiv:announce_type> \(SourceText.quoted(type))")
        }
        var links = PaperLinks(arxiv: "https://arxiv.org/abs/\(id)", pdf: "https://arxiv.org/pdf/\(id)")
        let doi = item.doi.trimmingWhitespaceString
        if !doi.isEmpty { links.doi = "https://doi.org/" + doi }
        let category = item.categories.first?.trimmingWhitespaceString ?? ""
        let paper = Paper(id: id, title: title, authors: Self.authors(item.creator), day: featured,
                          tags: category.isEmpty ? [] : [category], links: links,
                          abstract: ArxivAtomImporter.paragraphs(String(Self.abstract(item.description))),
                          source: SourceLocation(path: path, bodyLine: item.line))
        return (paper, isUpdate)
    }

    /// The description without its `arXiv:2412.01234v1 Announce Type: new Abstract:` preamble.
    static func abstract(_ description: String) -> Substring {
        let text = description[...].drop { $0.isWhitespace }
        guard text.hasPrefix("arXiv:"), let marker = text.range(of: "Abstract:") else { return text }
        return text[marker.upperBound...]
    }

    /// `A, B, and C` (one `dc:creator` for all) → `[A, B, C]`.
    static func authors(_ creator: String) -> [String] {
        ArxivAtomImporter.joinedLines(creator).split(separator: ",").compactMap { part in
            var name = part.trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("and ") { name = String(name.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
            return name.isEmpty ? nil : name
        }
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Tue, 02 Dec 2026 00:00:00 -0500` → 2026-12-02: the date as written, whatever the zone.
    static func day(fromRFC822 text: String) -> Day? {
        var words = text.split(separator: " ")
        if let first = words.first, first.hasSuffix(",") { words.removeFirst() }
        guard words.count >= 3, let day = Int(words[0]), let month = months.firstIndex(of: String(words[1])),
              let year = Int(words[2]) else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }
}
