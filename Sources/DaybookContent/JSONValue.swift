/// A parsed JSON value that remembers where it was written (its byte offset; `JSONLocator` turns
/// that into a line and column), so that errors about a value can point at it.
struct JSONValue: Sendable {
    enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The value and its text as written (`26`, `26.0`, `2.6e1`).
        case number(Double, String)
        case string(String)
        case array([JSONValue])
        /// Members in the order written; a repeated key keeps its last value when looked up.
        case object([(key: String, value: JSONValue)])
    }

    var kind: Kind
    /// Byte offset of the value's first character in the file.
    var offset: Int

    /// The member named `key` of an object (the last one when repeated).
    subscript(key: String) -> JSONValue? {
        guard case let .object(members) = kind else { return nil }
        return members.last { $0.key == key }?.value
    }

    var isNull: Bool { if case .null = kind { return true } else { return false } }

    /// How the value is shown in a message: strings quoted, numbers as written, else its kind.
    var shown: String {
        switch kind {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .number(_, text): return text
        case let .string(text): return SourceText.quoted(text)
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}
