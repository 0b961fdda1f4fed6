/// Reads text copied from a Hugging Face papers listing page into papers featured on one day.
///
/// Three layouts are known: blank-line separated title and abstract blocks, each optionally followed by
/// `• N authors` / `·` / a date with an optional upvote count; the same without those lines; and one line
/// per title and one per abstract with the first title fused to the page's `Subscribe` button. The
/// structure decides what is a title: after the page header, titles and abstracts alternate. Listing text
/// carries no arXiv id, so ids are slugs of the titles, made unique within the input (`-2`, `-3`, …).
///
/// ```swift
/// let result = try ListingTextImporter(day: Day(iso: "2025-12-29")!).papers(from: text, path: "dec29.txt")
/// ```
public struct ListingTextImporter: Sendable {
    /// The day the papers are featured on; a date without a year takes this year (or the one before).
    public var day: Day

    public init(day: Day) {
        self.day = day
    }

    /// Every paper in `text`, in page order. Throws a positioned error when the text cannot be one listing.
    /// The papers in a listing file's bytes: UTF-8 (a bad byte is an error at its line and column),
    /// a byte-order mark skipped.
    public func papers(fromBytes bytes: [UInt8], path: String) throws(ContentError) -> ImportedPapers {
        let start = bytes.starts(with: SourceText.byteOrderMark) ? 3 : 0
        try SourceText.checkUTF8(bytes[start...], path: path)
        return try papers(from: String(decoding: bytes[start...], as: UTF8.self), path: path)
    }

    public func papers(from text: String, path: String) throws(ContentError) -> ImportedPapers {
        let units = ListingUnits(text)
        var assembler = ListingAssembler(path: path, day: day)
        var index = units.firstPaperIndex
        while index < units.items.count {
            try assembler.consume(units.items, at: index)
            index += 1
        }
        try assembler.finish()
        guard !assembler.result.papers.isEmpty else {
            throw ContentError([Diagnostic(path: path, line: 1, column: 1, message: "no papers found in listing text")])
        }
        return assembler.result
    }
}

/// The listing cut into units: a block of lines between blank lines (a line each when the text has no
/// blank lines), with meta lines kept apart from text lines.
struct ListingUnits {
    struct Unit {
        var text: String
        var kind: ListingLine
        /// 1-based line of the unit's first line.
        var line: Int
    }

    var items: [Unit] = []
    /// Where the page header (`new`, `Subscribe`, `Daily Papers`, the page's own date) ends.
    var firstPaperIndex = 0

    init(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.trimmingTrailingCR.trimmingWhitespace
        }
        // Blank lines between text mean blocks; without them every line stands alone.
        var blocks = false
        if let first = lines.firstIndex(where: { !$0.isEmpty }), let last = lines.lastIndex(where: { !$0.isEmpty }) {
            blocks = lines[first...last].contains { $0.isEmpty }
        }
        var pending: [Substring] = []
        var pendingLine = 0
        func flush() {
            guard !pending.isEmpty else { return }
            items.append(Unit(text: pending.joined(separator: "\n"), kind: .text, line: pendingLine))
            pending.removeAll()
        }
        for (offset, line) in lines.enumerated() {
            guard !line.isEmpty else { flush(); continue }
            let kind = ListingLine(line)
            if kind != .text || !blocks {
                flush()
                items.append(Unit(text: String(line), kind: kind, line: offset + 1))
            } else {
                if pending.isEmpty { pendingLine = offset + 1 }
                pending.append(line)
            }
        }
        flush()
        skipHeader()
    }

    /// Skips the page header; a first title fused to `Subscribe` is split off.
    private mutating func skipHeader() {
        while firstPaperIndex < items.count {
            let unit = items[firstPaperIndex]
            switch unit.kind {
            case .boilerplate, .date:
                firstPaperIndex += 1
                continue
            case .text where unit.text.hasPrefix("Subscribe") && unit.text.utf8.count > 9:
                items[firstPaperIndex].text = String(unit.text.dropFirst(9)).trimmingWhitespaceString
            default:
                break
            }
            return
        }
    }
}

extension Substring {
    var trimmingTrailingCR: Substring { last == "\r" ? dropLast() : self }

    var trimmingWhitespace: Substring {
        var slice = self
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return slice
    }
}

extension String {
    var trimmingWhitespaceString: String { String(Substring(self).trimmingWhitespace) }
}
