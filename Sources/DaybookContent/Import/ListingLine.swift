/// What one trimmed line of a copied Hugging Face listing is, apart from titles and abstracts.
enum ListingLine: Equatable {
    /// Page chrome: `new`, `Subscribe`, `Daily Papers`, `by AK and the research community`, …
    case boilerplate
    /// `• 6 authors`
    case authorCount(Int)
    /// The `·` separator between the author count and the date.
    case separator
    /// `Jul 5, 2021`, `Dec 29`, `Jan 31, 2024 1` (a trailing number is the upvote count).
    case date(month: Int, day: Int, year: Int?, upvotes: Int?)
    /// A title or an abstract.
    case text

    private static let boilerplateLines: Set<String> = [
        "new", "subscribe", "daily papers", "get trending papers in your email inbox!",
        "get trending papers in your email inbox once a day!",
    ]
    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    init(_ line: Substring) {
        let lower = line.lowercased()
        if ListingLine.boilerplateLines.contains(lower) || lower.hasPrefix("byak and ") || lower.hasPrefix("by ak and ") {
            self = .boilerplate
        } else if line == "·" || line == "•" {
            self = .separator
        } else if let count = ListingLine.authorCount(line) {
            self = .authorCount(count)
        } else if let date = ListingLine.date(line) {
            self = date
        } else {
            self = .text
        }
    }

    var isMeta: Bool {
        switch self {
        case .authorCount, .separator, .date: return true
        case .boilerplate, .text: return false
        }
    }

    /// `• 6 authors`, `1 author`
    private static func authorCount(_ line: Substring) -> Int? {
        var words = line.split(separator: " ")
        if words.first == "•" || words.first == "·" { words.removeFirst() }
        guard words.count == 2, words[1] == "authors" || words[1] == "author",
              words[0].utf8.count <= 6, let count = Int(words[0]) else { return nil }
        return count
    }

    /// `Mon D`, `Mon D, YYYY`, each optionally followed by an upvote count.
    private static func date(_ line: Substring) -> ListingLine? {
        let words = line.split(separator: " ")
        guard (2...4).contains(words.count), words[0].utf8.count == 3,
              let month = monthNames.firstIndex(of: words[0].lowercased()) else { return nil }
        var dayWord = words[1]
        let hasYear = dayWord.hasSuffix(",")
        if hasYear { dayWord = dayWord.dropLast() }
        guard dayWord.utf8.count <= 2, let day = Int(dayWord), day >= 1 else { return nil }
        var rest = words.dropFirst(2)
        var year: Int?
        if hasYear {
            guard let word = rest.popFirst(), word.utf8.count == 4, let value = Int(word) else { return nil }
            year = value
        }
        var upvotes: Int?
        if let word = rest.popFirst() {
            guard word.utf8.count <= 7, word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(word) else { return nil }
            upvotes = value
        }
        guard rest.isEmpty else { return nil }
        return .date(month: month + 1, day: day, year: year, upvotes: upvotes)
    }
}
