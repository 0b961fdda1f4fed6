#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation

/// A feed's XMLParser delegate that remembers the first problem it found itself (not the feed
/// it expects) and the first error the XML parser reported, each with its position.
protocol FeedXMLDelegate: XMLParserDelegate {
    var problem: (line: Int, column: Int, message: String)? { get }
    var xmlError: (line: Int, column: Int, code: Int)? { get }
}

/// Runs XMLParser over a feed (namespaces on, no external entities) and turns what went wrong
/// into one positioned diagnostic: the delegate's own problem, else malformed XML. The bytes
/// must be UTF-8 (a bad byte is an error at its line and column): FoundationXML traps on an
/// element name that is not, and arXiv serves UTF-8.
enum FeedXMLParser {
    static func parse(_ data: Data, delegate: some FeedXMLDelegate, path: String) throws(ContentError) {
        try checkUTF8(data, path: path)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        let parsed = parser.parse()
        if let problem = delegate.problem {
            throw ContentError([Diagnostic(path: path, line: problem.line, column: problem.column, message: problem.message)])
        }
        if !parsed || delegate.xmlError != nil {
            let reported = delegate.xmlError
                ?? (parser.lineNumber, parser.columnNumber, (parser.parserError as NSError?)?.code ?? 0)
            throw ContentError([Diagnostic(path: path, line: max(1, reported.line), column: max(1, reported.column),
                                           message: "malformed XML: \(ArxivAtomImporter.describe(code: reported.code))")])
        }
    }

    /// Throws at the first byte that is not UTF-8 (after a byte-order mark), with its position.
    static func checkUTF8(_ data: Data, path: String) throws(ContentError) {
        let bytes = [UInt8](data)
        try SourceText.checkUTF8(bytes[(bytes.starts(with: SourceText.byteOrderMark) ? 3 : 0)...], path: path)
    }
}
