import Yams

/// Typed scalar values: text, whole numbers, dates, lists of text, URLs.
extension YAMLFieldReader {
    /// A text value as written; nil (no error) when null; an error for lists and mappings.
    mutating func text(_ node: Node, field: String) -> String? {
        guard case let .scalar(scalar) = node else {
            fail("'\(field)' must be text, got \(Self.describe(node))", at: node)
            return nil
        }
        return Self.isNull(node) ? nil : scalar.string
    }

    /// Text with whitespace runs collapsed; an error when it is empty or missing.
    mutating func requiredLine(_ node: Node, field: String) -> String? {
        guard let raw = text(node, field: field) else {
            if case .scalar = node { fail("'\(field)' must not be empty", at: node) }
            return nil
        }
        let line = SourceText.collapsingWhitespace(raw)
        if line.isEmpty { fail("'\(field)' must not be empty", at: node) }
        return line.isEmpty ? nil : line
    }

    /// A whole number ≥ `minimum` (`42`, `"42"` and `42.0` are accepted); nil when null.
    mutating func wholeNumber(_ node: Node, field: String, minimum: Int = 0) -> Int? {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            if case .scalar = node { return nil }
            fail("'\(field)' must be a whole number, got \(Self.describe(node))", at: node)
            return nil
        }
        guard let value = Self.parseWholeNumber(scalar.string) else {
            fail("'\(field)' must be a whole number, got \(Self.describe(node))", at: node)
            return nil
        }
        guard value >= minimum else {
            fail("'\(field)' must be at least \(minimum), got \(value)", at: node)
            return nil
        }
        return value
    }

    /// Digits with an optional sign and an optional all-zero fraction (`42`, `-3`, `42.0`).
    static func parseWholeNumber(_ text: String) -> Int? {
        var digits = Substring(text.trimmingSpaces)
        if let dot = digits.firstIndex(of: ".") {
            let fraction = digits[digits.index(after: dot)...]
            guard fraction.allSatisfy({ $0 == "0" }) else { return nil }
            digits = digits[..<dot]
        }
        let body = digits.first == "-" || digits.first == "+" ? digits.dropFirst() : digits
        guard !body.isEmpty, body.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(digits.first == "+" ? body : digits)
    }

    /// A date `YYYY-MM-DD` (a time after it, `2026-11-20T10:00:00Z`, is accepted and ignored); nil when null.
    mutating func day(_ node: Node, field: String) -> Day? {
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            if case .scalar = node { return nil }
            fail("'\(field)' must be a date written YYYY-MM-DD, got \(Self.describe(node))", at: node)
            return nil
        }
        switch Self.parseDay(scalar.string.trimmingSpaces) {
        case let .success(day): return day
        case let .failure(problem):
            fail("'\(field)' \(problem.message)", at: node)
            return nil
        }
    }

    struct DateProblem: Error { var message: String }

    /// Parses `YYYY-MM-DD` (optionally followed by `T` and a time), explaining impossible dates.
    static func parseDay(_ text: String) -> Result<Day, DateProblem> {
        if let day = Day(iso: text, allowTime: true), isTimeSuffixValid(text) { return .success(day) }
        let bytes = Array(text.utf8.prefix(10))
        let shaped = bytes.count == 10 && bytes.enumerated().allSatisfy { index, byte in
            index == 4 || index == 7 ? byte == UInt8(ascii: "-") : (byte >= 48 && byte <= 57)
        }
        guard shaped, isTimeSuffixValid(text), let year = Int(text.prefix(4)),
              let month = Int(text.dropFirst(5).prefix(2)) else {
            return .failure(DateProblem(message: "must be a date written YYYY-MM-DD, got \(SourceText.quoted(text))"))
        }
        let reason: String
        if !(1...12).contains(month) {
            reason = "there is no month \(month)"
        } else if year < 1 {
            reason = "there is no year 0"
        } else {
            let names = ["January", "February", "March", "April", "May", "June", "July", "August",
                         "September", "October", "November", "December"]
            reason = "\(names[month - 1]) \(year) has \(Day.daysIn(month: month, year: year)) days"
        }
        return .failure(DateProblem(message: "is not a real date: \(SourceText.quoted(text)) (\(reason))"))
    }

    /// Nothing after the date, or `T` followed by time characters only.
    private static func isTimeSuffixValid(_ text: String) -> Bool {
        let rest = text.utf8.dropFirst(10)
        guard let first = rest.first else { return true }
        return first == UInt8(ascii: "T") && rest.count > 1 && rest.dropFirst().allSatisfy {
            ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "+")
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "Z")
        }
    }

    /// A list of non-empty text items, each with whitespace collapsed; nil when null.
    mutating func textList(_ node: Node, field: String) -> [String]? {
        if Self.isNull(node) { return nil }
        guard case let .sequence(sequence) = node else {
            fail("'\(field)' must be a list, got \(Self.describe(node))", at: node)
            return nil
        }
        var items: [String] = []
        items.reserveCapacity(sequence.count)
        for (index, item) in sequence.enumerated() {
            guard case let .scalar(scalar) = item else {
                fail("'\(field)' item \(index + 1) must be text, got \(Self.describe(item))", at: item)
                continue
            }
            let value = Self.isNull(item) ? "" : SourceText.collapsingWhitespace(scalar.string)
            if value.isEmpty {
                fail("'\(field)' item \(index + 1) is empty", at: item)
            } else {
                items.append(value)
            }
        }
        return items
    }

    /// An absolute `http://` or `https://` URL; nil when null.
    mutating func url(_ node: Node, field: String) -> String? {
        guard let raw = text(node, field: field) else { return nil }
        let value = raw.trimmingSpaces
        guard Self.isHTTPURL(value) else {
            fail("'\(field)' must be an absolute http(s) URL, got \(SourceText.quoted(raw))", at: node)
            return nil
        }
        return value
    }

    /// `http://host…` or `https://host…` with a host and no spaces.
    static func isHTTPURL(_ value: String) -> Bool {
        let rest: Substring
        if value.hasPrefix("https://") { rest = value.dropFirst(8) }
        else if value.hasPrefix("http://") { rest = value.dropFirst(7) }
        else { return false }
        guard let first = rest.first, first != "/" else { return false }
        return !SourceText.containsSpaceOrControl(value)
    }
}
