import DaybookContent

/// Splitting text into search terms.
extension SearchIndex {
    /// The terms of a paper: title, authors, tags and id strong; abstract and summary not.
    static func tokenize(_ paper: Paper, into terms: inout [String: Bool]) {
        tokenize(paper.title, strong: true, into: &terms)
        for author in paper.authors { tokenize(author, strong: true, into: &terms) }
        for tag in paper.tags { tokenize(tag, strong: true, into: &terms) }
        tokenize(paper.id, strong: true, into: &terms)
        tokenize(paper.abstract, strong: false, into: &terms)
        if let summary = paper.summary { tokenize(summary, strong: false, into: &terms) }
    }

    /// Adds the terms of `text` to `terms`; a term once strong stays strong.
    static func tokenize(_ text: String, strong: Bool, into terms: inout [String: Bool]) {
        var utf8 = Array(text.utf8)
        var start = -1
        var hasNonASCII = false
        utf8.append(0x20)
        for position in utf8.indices {
            var byte = utf8[position]
            if byte >= 0x41 && byte <= 0x5A { byte += 32; utf8[position] = byte }
            let inWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if inWord {
                if start < 0 { start = position; hasNonASCII = false }
                if byte >= 0x80 { hasNonASCII = true }
            } else if start >= 0 {
                let length = position - start
                if length >= 2 && length <= 40 {
                    var term = String(decoding: utf8[start..<position], as: UTF8.self)
                    // Normal form C: Swift strings that are canonically equivalent are equal, so
                    // `é` and `e` + U+0301 are one term; one spelling keeps its bytes the same
                    // whichever paper has it first.
                    if hasNonASCII { term = String(decoding: term.lowercased()._nfcCodeUnits, as: UTF8.self) }
                    if strong || !stopWords.contains(term) {
                        if strong { terms[term] = true } else if terms[term] == nil { terms[term] = false }
                    }
                }
                start = -1
            }
        }
    }

    static let stopWords: Set<String> = [
        "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have",
        "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "than", "that", "the", "their",
        "these", "this", "those", "to", "was", "we", "were", "which", "while", "with",
    ]
}
