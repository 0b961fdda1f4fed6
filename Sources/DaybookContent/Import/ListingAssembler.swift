/// Pairs a listing's units into papers: a title, its abstract, then optionally its author count, date and
/// upvotes. Alternation decides; shape only breaks a tie where a title has lost its abstract.
struct ListingAssembler {
    let path: String
    let day: Day
    private(set) var result = ImportedPapers()
    /// A title waiting for its abstract.
    private var title: ListingUnits.Unit?
    private var slugOwners: [String: String] = [:]

    init(path: String, day: Day) {
        self.path = path
        self.day = day
    }

    mutating func consume(_ units: [ListingUnits.Unit], at index: Int) throws(ContentError) {
        let unit = units[index]
        switch unit.kind {
        case .boilerplate:
            return
        case .text:
            if title == nil, isMetadataOfPaperAbove(units, at: index) { return }
            guard let pending = title else {
                // A very long title is still a title when an abstract follows it.
                if ListingAssembler.looksLikeAbstract(unit.text),
                   !ListingAssembler.looksLikeAbstract(nextText(units, after: index)?.text ?? "") {
                    if let last = result.papers.last {
                        throw error(unit, "an abstract without a title (the paper before it, \"\(last.title)\", already has one)")
                    }
                    throw error(unit, "the listing starts with an abstract; is its title missing?")
                }
                title = unit
                return
            }
            if ListingAssembler.looksLikeTitle(unit.text), let next = nextText(units, after: index),
               ListingAssembler.looksLikeAbstract(next.text) {
                warn(pending, "no abstract found for \"\(pending.text)\"")
                emit(title: pending, abstract: nil)
                title = unit
            } else {
                emit(title: pending, abstract: unit)
                title = nil
            }
        case .authorCount, .separator, .date:
            if let pending = title {
                warn(pending, "no abstract found for \"\(pending.text)\"")
                emit(title: pending, abstract: nil)
                title = nil
            }
            guard !result.papers.isEmpty else { throw error(unit, "\"\(unit.text)\" is not preceded by a paper") }
            try applyMeta(unit)
        }
    }

    mutating func finish() throws(ContentError) {
        if let pending = title {
            warn(pending, "no abstract found for \"\(pending.text)\"")
            emit(title: pending, abstract: nil)
            title = nil
        }
    }

    private mutating func emit(title unit: ListingUnits.Unit, abstract: ListingUnits.Unit?) {
        let title = ListingAssembler.normalizedTitle(unit.text)
        let id = uniqueID(for: title)
        let paper = Paper(id: id, title: title, day: day, abstract: abstract?.text ?? "",
                          source: SourceLocation(path: path, bodyLine: abstract?.line ?? unit.line))
        result.papers.append(paper)
    }

    private mutating func applyMeta(_ unit: ListingUnits.Unit) throws(ContentError) {
        let index = result.papers.count - 1
        switch unit.kind {
        case .authorCount(let count):
            guard result.papers[index].authorCount == nil else {
                throw error(unit, "a second author count for \"\(result.papers[index].title)\"")
            }
            guard result.papers[index].published == nil else {
                throw error(unit, "an author count after the date of \"\(result.papers[index].title)\"")
            }
            result.papers[index].authorCount = count
        case .date(let month, let dayOfMonth, let year, let upvotes):
            guard result.papers[index].published == nil else {
                throw error(unit, "a second date for \"\(result.papers[index].title)\"")
            }
            guard let published = resolve(month: month, day: dayOfMonth, year: year) else {
                throw error(unit, "'published' is not a valid date: \"\(unit.text)\"")
            }
            result.papers[index].published = published
            result.papers[index].upvotes = upvotes
        default:
            break
        }
    }

    /// A date without a year is the latest such date on or before the featured day.
    private func resolve(month: Int, day dayOfMonth: Int, year: Int?) -> Day? {
        if let year { return Day(year: year, month: month, day: dayOfMonth) }
        for candidate in stride(from: day.year, through: day.year - 8, by: -1) {
            if let date = Day(year: candidate, month: month, day: dayOfMonth), date <= day { return date }
        }
        return nil
    }

    private mutating func uniqueID(for title: String) -> String {
        let base = PaperID.slug(fromTitle: title)
        let key = title.lowercased()
        var candidate = base
        var suffix = 1
        while let owner = slugOwners[candidate], owner != key {
            suffix += 1
            candidate = "\(base.prefix(80 - String(suffix).count - 1))-\(suffix)"
        }
        slugOwners[candidate] = key
        return candidate
    }

    /// Whether the text at `index` is a metadata line of the paper above rather than a title: it
    /// comes after that paper's abstract and before its author count or date (`·` line), with no
    /// abstract after it. Papers an organization submitted show one there (`acme Acme Labs`, its
    /// handle and name, where the author count usually stands); more such lines may follow.
    private func isMetadataOfPaperAbove(_ units: [ListingUnits.Unit], at index: Int) -> Bool {
        guard let above = result.papers.last, !above.abstract.isEmpty, above.authorCount == nil,
              above.published == nil else { return false }
        var next = index + 1
        while next < units.count, next - index <= 4 {
            switch units[next].kind {
            case .boilerplate: break
            case .authorCount, .separator, .date: return true
            case .text: if !ListingAssembler.looksLikeTitle(units[next].text) { return false }
            }
            next += 1
        }
        return false
    }

    private func nextText(_ units: [ListingUnits.Unit], after index: Int) -> ListingUnits.Unit? {
        var next = index + 1
        while next < units.count {
            switch units[next].kind {
            case .text: return units[next]
            case .boilerplate: next += 1
            default: return nil
            }
        }
        return nil
    }

    private mutating func warn(_ unit: ListingUnits.Unit, _ message: String) {
        result.warnings.append(Diagnostic(path: path, line: unit.line, column: 1, message: message, severity: .warning))
    }

    private func error(_ unit: ListingUnits.Unit, _ message: String) -> ContentError {
        ContentError([Diagnostic(path: path, line: unit.line, column: 1, message: message)])
    }

    /// Whitespace runs, line breaks included, become one space.
    static func normalizedTitle(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Short and not a sentence.
    static func looksLikeTitle(_ text: String) -> Bool {
        text.utf8.count <= 250 && !text.contains("\n") && !text.hasSuffix(".")
    }

    /// Long, or a sentence of some length.
    static func looksLikeAbstract(_ text: String) -> Bool {
        let length = text.utf8.count
        return length > 400 || (length > 120 && text.hasSuffix("."))
    }
}
