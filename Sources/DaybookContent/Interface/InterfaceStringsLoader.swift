import DaybookSystem
import Yams

/// Reads interface strings (`InterfaceStrings`) from YAML files like a theme's `i18n/zh.yml`:
///
/// ```yaml
/// date:
///   months: [一月, 二月, …]            # twelve names, January first
///   months_short: [1月, 2月, …]
///   long: "{year}年{month_number}月{day}日"
/// day:
///   title: "{date}的论文 · {site}"
/// count:
///   papers: "{count} 篇论文"           # or, where the word changes: {one: "1 paper", other: "{count} papers"}
/// ```
///
/// Nested mappings make dotted keys (`day.title`). A mapping of `one`/`other` (plus the other
/// CLDR categories) is one value with a form per count. Later files override earlier ones key by
/// key (the site's file over the theme's). Every key in `required` must be present: a missing
/// key is an error naming the key and the file, never an empty string on the page.
public enum InterfaceStringsLoader {
    /// A key the caller reads, and who reads it (`layout.mustache`), shown when it is missing.
    public struct Requirement: Sendable, Hashable {
        public let key: String
        public let reader: String?

        public init(_ key: String, reader: String? = nil) {
            self.key = key
            self.reader = reader
        }
    }

    static let pluralCategories: Set<String> = ["zero", "one", "two", "few", "many", "other"]

    /// `files`: (absolute path, path shown in messages), lowest precedence first; at least one.
    public static func load(language: String, files: [(path: String, display: String)],
                            required: [Requirement]) throws(ContentError) -> InterfaceStrings {
        var values: [String: InterfaceStrings.Value] = [:]
        var lists: [String: [String]] = [:]
        var where_: [String: (display: String, line: Int, column: Int)] = [:]
        var problems: [Diagnostic] = []
        for file in files {
            do {
                let parsed = try parse(path: file.path, display: file.display)
                values.merge(parsed.values) { _, new in new }
                lists.merge(parsed.lists) { _, new in new }
                where_.merge(parsed.positions) { _, new in new }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        let shown = files.first!.display
        func missing(_ key: String, _ reader: String?) {
            problems.append(Diagnostic(path: shown, message: "missing key '\(key)'" + (reader.map { " (used by \($0))" } ?? "")))
        }
        var seen: Set<String> = []
        for requirement in required where seen.insert(requirement.key).inserted && values[requirement.key] == nil {
            if let position = where_[requirement.key] {
                problems.append(Diagnostic(path: position.display, line: position.line, column: position.column,
                                           message: "'\(requirement.key)' must be text, got a list or a mapping"))
            } else {
                missing(requirement.key, requirement.reader)
            }
        }
        var patterns: [String: String] = [:]
        for name in DayFormat.patternKeys {
            let key = "date." + name
            if case let .text(text)? = values[key] { patterns[name] = text } else if values[key] == nil { missing(key, nil) }
        }
        for name in DayFormat.listKeys {
            let key = "date." + name
            guard let list = lists[key] else { missing(key, nil); continue }
            if list.count != 12, let position = where_[key] {
                problems.append(Diagnostic(path: position.display, line: position.line, column: position.column,
                                           message: "'\(key)' must list 12 names, January first, got \(list.count)"))
            }
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        let dates = DayFormat(months: lists["date.months"]!, monthsShort: lists["date.months_short"]!,
                              long: patterns["long"]!, short: patterns["short"]!, dayMonth: patterns["day_month"]!,
                              month: patterns["month"]!, week: patterns["week"]!)
        return InterfaceStrings(language: language, path: shown, values: values, dates: dates)
    }

    struct Parsed {
        var values: [String: InterfaceStrings.Value] = [:]
        var lists: [String: [String]] = [:]
        /// Where each key's value starts, for messages about it.
        var positions: [String: (display: String, line: Int, column: Int)] = [:]
    }

    static func parse(path: String, display: String) throws(ContentError) -> Parsed {
        let bytes: [UInt8]
        do throws(FileIO.Failure) {
            bytes = try FileIO.contents(path)
        } catch {
            throw ContentError([Diagnostic(path: display, message: "cannot read file: \(error.reason)")])
        }
        let text = try SourceText.decode(bytes, path: display)
        var reader = YAMLFieldReader(path: display, firstLine: 1)
        var parsed = Parsed()
        guard let root = try YAMLFieldReader.compose(text, path: display, firstLine: 1), !YAMLFieldReader.isNull(root) else {
            return parsed
        }
        guard case .mapping = root else {
            reader.fail("interface strings must be a mapping of keys, got \(YAMLFieldReader.describe(root))", at: root)
            throw ContentError(reader.diagnostics)
        }
        walk(root, prefix: "", reader: &reader, into: &parsed)
        guard reader.diagnostics.isEmpty else { throw ContentError(reader.diagnostics) }
        return parsed
    }

    private static func walk(_ node: Node, prefix: String, reader: inout YAMLFieldReader, into parsed: inout Parsed) {
        guard case let .mapping(mapping) = node else { return }
        var seen: Set<String> = []
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode, !scalar.string.isEmpty, !scalar.string.contains(".") else {
                reader.fail("a key must be a word without dots, got \(YAMLFieldReader.describe(keyNode))", at: keyNode)
                continue
            }
            guard seen.insert(scalar.string).inserted else {
                reader.fail("duplicate key '\(prefix + scalar.string)'", at: keyNode)
                continue
            }
            let key = prefix + scalar.string
            let (line, column) = reader.position(of: value)
            parsed.positions[key] = (reader.path, line, column)
            switch value {
            case let .scalar(text):
                if YAMLFieldReader.isNull(value) {
                    reader.fail("'\(key)' must be text, got nothing", at: value)
                } else {
                    parsed.values[key] = .text(text.string)
                }
            case let .sequence(sequence):
                var list: [String] = []
                for item in sequence {
                    guard case let .scalar(text) = item, !YAMLFieldReader.isNull(item) else {
                        reader.fail("'\(key)' must list text, got \(YAMLFieldReader.describe(item))", at: item)
                        continue
                    }
                    list.append(text.string)
                }
                parsed.lists[key] = list
            case let .mapping(forms) where isPlural(forms):
                var texts: [String: String] = [:]
                for (form, text) in forms {
                    guard case let .scalar(word) = text, !YAMLFieldReader.isNull(text) else {
                        reader.fail("'\(key)' must give text for each count, got \(YAMLFieldReader.describe(text))", at: text)
                        continue
                    }
                    texts[form.string ?? ""] = word.string
                }
                if let other = texts["other"] { parsed.values[key] = .plural(one: texts["one"], other: other) }
            case .mapping:
                walk(value, prefix: key + ".", reader: &reader, into: &parsed)
            }
        }
    }

    /// A mapping of count categories holding `other`: `{one: "1 paper", other: "{count} papers"}`.
    private static func isPlural(_ mapping: Node.Mapping) -> Bool {
        let keys = mapping.keys.compactMap(\.string)
        return keys.count == mapping.count && keys.contains("other") && keys.allSatisfy(pluralCategories.contains)
    }
}
