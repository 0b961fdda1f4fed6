import Foundation

/// Reads any arXiv feed a user downloads: an API response (Atom, `ArxivAtomImporter`) or the daily
/// announcement RSS (`ArxivRSSImporter`), told apart by the root element.
///
/// ```swift
/// let result = try ArxivImporter().papers(from: data, path: "cs.CL.xml")
/// ```
public struct ArxivImporter: Sendable {
    /// The day the papers are featured on; nil: each paper's publication date (Atom) or the announcement's date (RSS).
    public var day: Day?

    public init(day: Day? = nil) {
        self.day = day
    }

    public func papers(from data: Data, path: String) throws(ContentError) -> ImportedPapers {
        // Both importers check UTF-8 before parsing; only a root name shown in an error needs it here.
        switch Self.rootElement(data) {
        case "rss":
            return try ArxivRSSImporter(day: day).papers(from: data, path: path)
        case "feed", nil:
            // nil: not XML at all, or cut off before the root; the Atom parser reports where.
            return try ArxivAtomImporter(day: day).papers(from: data, path: path)
        case let other?:
            try FeedXMLParser.checkUTF8(data, path: path)
            throw ContentError([Diagnostic(path: path, line: 1, column: 1, message:
                "not an arXiv feed: the root element is <\(other)> (expected an arXiv API response <feed> or an announcement RSS <rss>)")])
        }
    }

    /// The name of the first element (its local name), skipping the XML declaration, comments,
    /// processing instructions and the doctype; nil when there is none.
    static func rootElement(_ data: Data) -> String? {
        let bytes = [UInt8](data.prefix(4096))
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // Skip to the closing '>' (comments may hold '>' only at their end in feeds we read).
                while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
                continue
            }
            var end = index + 1
            while end < bytes.count, !" \t\r\n/>".utf8.contains(bytes[end]) { end += 1 }
            guard end < bytes.count else { return nil }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }
}
