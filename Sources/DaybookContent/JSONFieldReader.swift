/// Reads typed fields out of `JSONValue`s for `HuggingFacePaperDecoder`, collecting every problem
/// as a diagnostic positioned at the offending value and prefixed with the item (`item 3: `).
struct JSONFieldReader {
    let path: String
    let locator: JSONLocator
    var prefix = ""
    /// The date a daily-papers download was asked for: the featured day of items without
    /// `submittedOnDailyAt` (payloads from before 2025).
    var requestedDay: Day?
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, locator: JSONLocator) {
        self.path = path
        self.locator = locator
    }

    mutating func fail(_ message: String, at value: JSONValue) {
        let (line, column) = locator.position(ofOffset: value.offset)
        diagnostics.append(Diagnostic(path: path, line: line, column: column, message: prefix + message))
    }

    /// Text; nil (no error) when null.
    mutating func text(_ value: JSONValue, field: String) -> String? {
        switch value.kind {
        case let .string(text): return text
        case .null: return nil
        default:
            fail("'\(field)' must be text, got \(value.shown)", at: value)
            return nil
        }
    }

    /// Text that must be present and not blank.
    mutating func requiredText(_ value: JSONValue?, field: String, in object: JSONValue) -> String? {
        guard let value, !value.isNull else {
            fail("missing '\(field)'", at: object)
            return nil
        }
        guard let text = text(value, field: field) else { return nil }
        if text.allSatisfy(\.isWhitespace) {
            fail("'\(field)' must not be empty", at: value)
            return nil
        }
        return text
    }

    /// The paper's `id`, checked against the id rules.
    mutating func id(_ paper: JSONValue) -> String? {
        guard let text = requiredText(paper["id"], field: "id", in: paper) else { return nil }
        let id = text.trimmingSpaces
        if let problem = PaperIDProblem.find(in: id) {
            fail("'id' \(problem)", at: paper["id"]!)
            return nil
        }
        return id
    }

    /// A count: a whole number ≥ 0, written as an integer or a float (`26.0`); nil when null.
    mutating func count(_ value: JSONValue, field: String) -> Int? {
        switch value.kind {
        case .null: return nil
        case let .number(number, text):
            guard number == number.rounded(), abs(number) < 9.0e15 else {
                fail("'\(field)' must be a whole number, got \(text)", at: value)
                return nil
            }
            guard number >= 0 else {
                fail("'\(field)' must be at least 0, got \(text)", at: value)
                return nil
            }
            return Int(number)
        default:
            fail("'\(field)' must be a number, got \(value.shown)", at: value)
            return nil
        }
    }

    /// The date part of an ISO 8601 date-time (`2025-09-08T02:44:20.973Z`); nil when null.
    mutating func day(_ value: JSONValue, field: String) -> Day? {
        guard let text = text(value, field: field) else { return nil }
        switch YAMLFieldReader.parseDay(text) {
        case let .success(day): return day
        case let .failure(problem):
            fail("'\(field)' \(problem.message)", at: value)
            return nil
        }
    }

    /// A list of text items; blank ones are skipped.
    mutating func textList(_ value: JSONValue, field: String) -> [String] {
        switch value.kind {
        case .null: return []
        case let .array(items):
            var out: [String] = []
            for (index, item) in items.enumerated() {
                if case let .string(text) = item.kind {
                    out.append(text)
                } else if !item.isNull {
                    fail("'\(field)' item \(index + 1) must be text, got \(item.shown)", at: item)
                }
            }
            return out
        default:
            fail("'\(field)' must be a list, got \(value.shown)", at: value)
            return []
        }
    }

    /// Author names in order, hidden authors dropped. An author is `{name, hidden}` (or a plain name).
    mutating func authors(_ value: JSONValue?) -> [String] {
        guard let value else { return [] }
        guard case let .array(items) = value.kind else {
            if !value.isNull { fail("'authors' must be a list, got \(value.shown)", at: value) }
            return []
        }
        var names: [String] = []
        names.reserveCapacity(items.count)
        for (index, author) in items.enumerated() {
            let nameValue: JSONValue
            switch author.kind {
            case .string: nameValue = author
            case .object:
                if case .bool(true) = author["hidden"]?.kind { continue }
                guard let name = author["name"] else {
                    fail("'authors' item \(index + 1) has no 'name'", at: author)
                    continue
                }
                nameValue = name
            default:
                fail("'authors' item \(index + 1) must be an object with a 'name', got \(author.shown)", at: author)
                continue
            }
            guard case let .string(name) = nameValue.kind else {
                fail("'authors' item \(index + 1): 'name' must be text, got \(nameValue.shown)", at: nameValue)
                continue
            }
            let clean = SourceText.collapsingWhitespace(name)
            if !clean.isEmpty { names.append(clean) }
        }
        return names
    }

    /// A GitHub repository: a full URL kept as is, or `owner/name` made into `https://github.com/owner/name`.
    mutating func repository(_ value: JSONValue, field: String) -> String? {
        guard let raw = text(value, field: field) else { return nil }
        let text = raw.trimmingSpaces
        if text.isEmpty { return nil }
        if YAMLFieldReader.isHTTPURL(text) { return text }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        let allowed: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(allowed) }) {
            return "https://github.com/\(text)"
        }
        fail("'\(field)' must be a URL or owner/name, got \(SourceText.quoted(raw))", at: value)
        return nil
    }

    /// A web page URL; `example.org/page` (no scheme) gets `https://`.
    mutating func webPage(_ value: JSONValue, field: String) -> String? {
        guard let raw = text(value, field: field) else { return nil }
        let text = raw.trimmingSpaces
        if text.isEmpty { return nil }
        if YAMLFieldReader.isHTTPURL(text) { return text }
        if !text.contains("://"), text.contains("."), YAMLFieldReader.isHTTPURL("https://" + text) {
            return "https://" + text
        }
        fail("'\(field)' must be an http(s) URL, got \(SourceText.quoted(raw))", at: value)
        return nil
    }
}
