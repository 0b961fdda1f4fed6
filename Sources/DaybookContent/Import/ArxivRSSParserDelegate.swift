#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// The raw fields of one `<item>` of arXiv's announcement RSS, as written in the feed.
struct ArxivRSSItem {
    var line: Int
    var column: Int
    var title = ""
    var link = ""
    var description = ""
    var guid = ""
    var categories: [String] = []
    var announceType = ""
    var creator = ""
    var doi = ""
}

/// Collects the channel and its items from XMLParser events; knows only the elements Daybook keeps.
final class ArxivRSSParserDelegate: NSObject, FeedXMLDelegate {
    static let arxiv = "http://arxiv.org/schemas/atom"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"

    private(set) var items: [ArxivRSSItem] = []
    private(set) var channelTitle = ""
    private(set) var channelPubDate = ""
    /// Where the channel's `<title>` and `<pubDate>` were written (where XMLParser saw them start).
    private(set) var channelTitlePosition = (line: 1, column: 1)
    private(set) var channelPubDatePosition = (line: 1, column: 1)
    private(set) var sawChannel = false
    /// A problem found while parsing (the feed is not RSS), positioned where it was found.
    private(set) var problem: (line: Int, column: Int, message: String)?
    /// The first error the XML parser reported, where it reported it.
    private(set) var xmlError: (line: Int, column: Int, code: Int)?
    private var item: ArxivRSSItem?
    private var depth = 0
    private var text = ""
    private var collecting = false

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        let plain = (namespaceURI ?? "").isEmpty
        switch depth {
        case 1:
            guard plain, elementName == "rss" else {
                problem = (parser.lineNumber, parser.columnNumber, "not an RSS feed: the root element is <\(qName ?? elementName)>")
                parser.abortParsing()
                return
            }
        case 2:
            if plain, elementName == "channel" { sawChannel = true }
        case 3 where plain && elementName == "item":
            item = ArxivRSSItem(line: parser.lineNumber, column: parser.columnNumber)
        case 3 where plain && (elementName == "title" || elementName == "pubDate"):
            if elementName == "title" {
                channelTitlePosition = (parser.lineNumber, parser.columnNumber)
            } else {
                channelPubDatePosition = (parser.lineNumber, parser.columnNumber)
            }
            begin()
        case 4 where item != nil:
            switch (namespaceURI ?? "", elementName) {
            case ("", "title"), ("", "link"), ("", "description"), ("", "guid"), ("", "category"),
                 (Self.arxiv, "announce_type"), (Self.arxiv, "DOI"), (Self.dublinCore, "creator"):
                begin()
            default:
                break
            }
        default:
            break
        }
    }

    private func begin() {
        text = ""
        collecting = true
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        defer { depth -= 1 }
        guard collecting || (depth == 3 && elementName == "item") else { return }
        collecting = false
        switch depth {
        case 3 where elementName == "item":
            if let item { items.append(item) }
            item = nil
        case 3 where elementName == "title":
            channelTitle = text
        case 3 where elementName == "pubDate":
            channelPubDate = text
        case 4:
            switch (namespaceURI ?? "", elementName) {
            case ("", "title"): item?.title = text
            case ("", "link"): item?.link = text
            case ("", "description"): item?.description = text
            case ("", "guid"): item?.guid = text
            case ("", "category"): item?.categories.append(text)
            case (Self.arxiv, "announce_type"): item?.announceType = text
            case (Self.arxiv, "DOI"): item?.doi = text
            case (Self.dublinCore, "creator"):
                let separator = item?.creator.isEmpty ?? true ? "" : ", "
                item?.creator += separator + text
            default: break
            }
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if collecting { text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        if xmlError == nil, problem == nil {
            xmlError = (parser.lineNumber, parser.columnNumber, (parseError as NSError).code)
        }
    }
}
