import DaybookContent
import DaybookMarkdown
import Foundation

/// Splitting text into search terms, folding them, and weighing them per paper.
///
/// A term is a run of letters and digits (Unicode `L` and `N`), 2 to 40 bytes, lowercased, its
/// accents removed (canonical decomposition without the marks, then `ß` → `ss`, `æ` → `ae`,
/// `ø` → `o`, `ł` → `l` and a few more that do not decompose), in normal form C. So `Götz`,
/// `GÖTZ` and `gotz` are one term. The paper's id is also one term, its letters and digits
/// (`idTerm`), besides its parts. `assets/search.js` folds queries the
/// same way; plural folding and prefixes are the query's business (the index keeps the words).
extension SearchIndex {
    /// How a field counts, BM25F-style: a term's frequency in the field times `weight`, divided by
    /// `1 - b + b * length / averageLength` (the field's length in terms).
    struct Field {
        var weight: Double
        var b: Double
        var averageLength: Double
        var skipsStopWords: Bool
    }

    static let title = Field(weight: 5, b: 0.5, averageLength: 10, skipsStopWords: false)
    static let idField = Field(weight: 5, b: 0, averageLength: 1, skipsStopWords: false)
    static let author = Field(weight: 3, b: 0, averageLength: 1, skipsStopWords: false)
    static let tag = Field(weight: 3, b: 0, averageLength: 1, skipsStopWords: false)
    static let summaryField = Field(weight: 1.5, b: 0.5, averageLength: 25, skipsStopWords: true)
    static let abstractField = Field(weight: 1, b: 0.75, averageLength: 150, skipsStopWords: true)
    /// BM25's saturation: a weighted frequency `f` scores `f / (k1 + f)`.
    static let k1 = 1.6
    /// Impacts are stored in 16 levels (4 bits of each posting).
    package static let impactBits: UInt32 = 4
    package static let impactLevels = 1 << 4

    /// Each term of a paper and its impact level, `0 ..< impactLevels`: the saturated BM25F
    /// frequency over title, id, authors, tags, summary and abstract, quantized. It depends on the
    /// paper alone (fixed average lengths), so an edit changes only that paper's postings; how rare
    /// a term is (its IDF) the search script takes from the length of its postings. `PaperBatch`
    /// computes it (the same code for a whole build and for one edit).
    static func impacts(_ paper: Paper) -> [String: UInt32] {
        var batch = PaperBatch(basePathLength: 0, chunkEach: false)
        return batch.impacts(paper)
    }

    /// A title's or abstract's text as the pages show it: TeX text mode outside math turned into
    /// what it means (`R\'{e}nyi` → Rényi, so "renyi" finds it), math as written.
    static func searchText(_ text: String) -> String {
        MarkdownRenderer().plainText(text)
    }

    /// The id as one term: its ASCII letters and digits, lowercased (`2405.01234` → `240501234`,
    /// `hep-ex/0307015` → `hepex0307015`), so an id query needs one small shard, not the postings
    /// of its parts (`2405` is in every paper of that month).
    static func idTerm(_ id: String) -> String {
        String(decoding: id.lowercased().utf8.filter { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) }, as: UTF8.self)
    }

    /// The impact level of a weighted frequency.
    static func level(_ frequency: Double) -> UInt32 {
        let saturated = frequency / (k1 + frequency)
        return UInt32(min(Double(impactLevels - 1), (saturated * Double(impactLevels)).rounded(.down)))
    }

    /// Calls `body` with each term of `text`, in order, repeats included.
    static func terms(of text: String, _ body: (String) -> Void) {
        var bytes: [UInt8] = []
        forEachTerm(of: text, buffer: &bytes) { term, _ in body(String(decoding: term, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of each term of `text` and their `TermTable.hash`, in
    /// order, repeats included; `buffer` is scratch space (kept to spare an allocation per call).
    /// Runs of ASCII letters and digits are lowercased in place and passed as they are; a run with
    /// other characters goes through `folded(_:)`.
    @inline(__always)
    static func forEachTerm(of text: String, buffer utf8: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        utf8.removeAll(keepingCapacity: true)
        utf8.append(contentsOf: text.utf8)
        // A space ends the last word; eight more let a word's last bytes be hashed in one load.
        utf8.append(contentsOf: repeatElement(0x20, count: 9))
        utf8.withUnsafeMutableBufferPointer { utf8 in
            var start = -1
            var hasNonASCII = false
            for position in 0..<utf8.count - 8 {
                var byte = utf8[position]
                if byte >= 0x41 && byte <= 0x5A { byte += 32; utf8[position] = byte }
                let inWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
                if inWord {
                    if start < 0 { start = position; hasNonASCII = false }
                    if byte >= 0x80 { hasNonASCII = true }
                } else if start >= 0 {
                    let run = UnsafeBufferPointer(rebasing: utf8[start..<position])
                    if !hasNonASCII {
                        if run.count >= 2 && run.count <= 40 { body(run, TermTable.hash(run, padded: true)) }
                    } else {
                        for var term in folded(String(decoding: run, as: UTF8.self)) {
                            term.withUTF8 { body($0, TermTable.hash($0)) }
                        }
                    }
                    start = -1
                }
            }
        }
    }

    /// The terms of a run of ASCII letters and digits and non-ASCII characters: lowercased,
    /// accents removed, split at anything that is not a letter or digit, 2 to 40 bytes, NFC.
    static func folded(_ run: String) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        func finish() {
            let term = String(current).precomposedStringWithCanonicalMapping
            if term.utf8.count >= 2 && term.utf8.count <= 40 { out.append(term) }
            current = String.UnicodeScalarView()
        }
        for scalar in run.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber:
                if let replacement = foldings[scalar] { current.append(contentsOf: replacement.unicodeScalars) } else { current.append(scalar) }
            default:
                if !current.isEmpty { finish() }
            }
        }
        if !current.isEmpty { finish() }
        return out
    }

    /// Letters without a canonical decomposition that readers type without their accent. The same
    /// table is in `assets/search.js`.
    static let foldings: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
    ]

    /// Common English words, not indexed from abstracts and summaries and dropped from queries
    /// (unless a query has nothing else). The search script reads them from `meta.json`.
    static let stopWords: Set<String> = [
        "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have",
        "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "than", "that", "the", "their",
        "these", "this", "those", "to", "was", "we", "were", "which", "while", "with",
    ]
}
