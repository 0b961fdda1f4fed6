#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// The raw fields of one `<entry>`, as written in the feed.
struct ArxivAtomEntry {
    var line: Int
    var column: Int
    var id = ""
    var title = ""
    var summary = ""
    var published = ""
    var authors: [String] = []
    var primaryCategory = ""
    var doi = ""
    var doiLink: String?
}

/// Collects entries from XMLParser events; knows only the elements Daybook keeps.
final class ArxivAtomParserDelegate: NSObject, FeedXMLDelegate {
    static let atom = "http://www.w3.org/2005/Atom"
    static let arxiv = "http://arxiv.org/schemas/atom"

    private(set) var entries: [ArxivAtomEntry] = []
    private(set) var sawFeed = false
    /// A problem found while parsing (the feed is not Atom), positioned where it was found.
    private(set) var problem: (line: Int, column: Int, message: String)?
    /// The first error the XML parser reported, where it reported it.
    private(set) var xmlError: (line: Int, column: Int, code: Int)?
    private var entry: ArxivAtomEntry?
    private var depth = 0
    private var text = ""
    private var collecting = false
    private var inAuthor = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        let atom = namespaceURI == Self.atom
        if depth == 1 {
            guard atom, elementName == "feed" else {
                problem = (parser.lineNumber, parser.columnNumber,
                           "not an Atom feed: the root element is <\(qName ?? elementName)>")
                parser.abortParsing()
                return
            }
            sawFeed = true
        } else if depth == 2, atom, elementName == "entry" {
            entry = ArxivAtomEntry(line: parser.lineNumber, column: parser.columnNumber)
        } else if depth == 3, entry != nil {
            switch (namespaceURI ?? "", elementName) {
            case (Self.atom, "id"), (Self.atom, "title"), (Self.atom, "summary"), (Self.atom, "published"),
                 (Self.arxiv, "doi"):
                text = ""
                collecting = true
            case (Self.atom, "author"):
                inAuthor = true
            case (Self.atom, "link") where attributes["title"] == "doi":
                entry?.doiLink = attributes["href"]
            case (Self.arxiv, "primary_category"):
                entry?.primaryCategory = attributes["term"] ?? ""
            default:
                break
            }
        } else if depth == 4, inAuthor, atom, elementName == "name" {
            text = ""
            collecting = true
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        defer { depth -= 1 }
        if depth == 2, entry != nil, elementName == "entry" {
            entries.append(entry!)
            entry = nil
            return
        }
        if depth == 3, elementName == "author" { inAuthor = false }
        guard collecting else { return }
        collecting = false
        switch (depth, elementName) {
        case (3, "id"): entry?.id = text
        case (3, "title"): entry?.title = text
        case (3, "summary"): entry?.summary = text
        case (3, "published"): entry?.published = text
        case (3, "doi"): entry?.doi = text
        case (4, "name"): entry?.authors.append(text)
        default: break
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        if xmlError == nil {
            xmlError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
