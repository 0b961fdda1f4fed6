/// A theme's interface text in one language: page titles, headings, labels, count words and date
/// formats, by dotted key (`day.title`), from `Themes/<theme>/i18n/<language>.yml` merged with the
/// site's own `i18n/<language>.yml`. Made by `InterfaceStringsLoader`, which checks that every key
/// in use is there, so a lookup here never misses.
public struct InterfaceStrings: Sendable {
    /// A value: one text, or a text per count (`one` for 1, `other` for any other count).
    public enum Value: Sendable, Equatable {
        case text(String)
        case plural(one: String?, other: String)

        /// The text for `count` (nil: the general form).
        public func form(for count: Int?) -> String {
            switch self {
            case let .text(text): return text
            case let .plural(one, other): return count == 1 ? one ?? other : other
            }
        }
    }

    /// The language as configured (`zh`).
    public let language: String
    /// The file the strings came from, as shown in messages.
    public let path: String
    /// Every value by dotted key.
    public let values: [String: Value]
    /// Every key that has values below it (`day` for `day.title`).
    public let namespaces: Set<String>
    public let dates: DayFormat

    public init(language: String, path: String, values: [String: Value], dates: DayFormat) {
        self.language = language
        self.path = path
        self.values = values
        self.dates = dates
        var namespaces: Set<String> = []
        for key in values.keys {
            var parts = key.split(separator: ".").dropLast()
            while !parts.isEmpty {
                namespaces.insert(parts.joined(separator: "."))
                parts = parts.dropLast()
            }
        }
        self.namespaces = namespaces
    }

    /// Every value and date format as one text, sorted by key: what pages take from the strings,
    /// for the build cache's page keys.
    public var fingerprint: String {
        var out = language + "\n" + String(reflecting: dates) + "\n"
        for key in values.keys.sorted() { out += key + "=" + String(reflecting: values[key]!) + "\n" }
        return out
    }

    /// The text of `key` with `values` filled in (`{site}`); unfilled placeholders stay.
    public func text(_ key: String, _ values: [String: String] = [:]) -> String {
        PlaceholderText.fill(self.values[key]?.form(for: nil) ?? key, values)
    }

    /// The text of `key` for `count`, with `{count}` and `values` filled in: `3 papers`.
    public func count(_ key: String, _ count: Int, _ values: [String: String] = [:]) -> String {
        var values = values
        values["count"] = String(count)
        return PlaceholderText.fill(self.values[key]?.form(for: count) ?? key, values)
    }
}
