import Yams

/// Reads typed fields out of a composed YAML tree (Yams `Node`), collecting every problem as a
/// positioned diagnostic instead of stopping at the first.
///
/// Values are read from the scalars' text as written, never through YAML's type resolution, so
/// `id: 2405.01230` keeps its trailing zero and `day: 2026-11-20` is not turned into a timestamp.
/// Records, `daybook.yml` and (in DaybookDeploy) its `deploy:` settings are all read with it.
package struct YAMLFieldReader {
    package let path: String
    /// The file line of the YAML text's first line.
    package let firstLine: Int
    package private(set) var diagnostics: [Diagnostic] = []

    package init(path: String, firstLine: Int) {
        self.path = path
        self.firstLine = firstLine
    }

    /// How a syntax error is worded.
    package enum SyntaxWording: Sendable {
        /// `invalid YAML: …` with the context and a hint for common slips (records, `daybook.yml`).
        case explained
        /// `not valid YAML: …`, the problem alone (the deploy settings' wording).
        case brief
    }

    /// Composes `yaml` into a node tree (nil for an empty document), mapping a syntax error to the file's line.
    package static func compose(_ yaml: String, path: String, firstLine: Int,
                                wording: SyntaxWording = .explained) throws(ContentError) -> Node? {
        do {
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            switch wording {
            case .explained: throw ContentError([syntaxDiagnostic(error, yaml: yaml, path: path, firstLine: firstLine)])
            case .brief: throw ContentError([briefDiagnostic(error, path: path, firstLine: firstLine)])
            }
        } catch {
            switch wording {
            case .explained: throw ContentError([Diagnostic(path: path, line: firstLine, column: 1, message: "invalid YAML: \(error)")])
            case .brief: throw ContentError([Diagnostic(path: path, message: "not valid YAML: \(error)")])
            }
        }
    }

    private static func briefDiagnostic(_ error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(path: path, line: mark.line + firstLine - 1, column: mark.column, message: "not valid YAML: \(problem)")
        default:
            return Diagnostic(path: path, message: "not valid YAML: \(error)")
        }
    }

    private static func syntaxDiagnostic(_ error: YamlError, yaml: String, path: String, firstLine: Int) -> Diagnostic {
        let shift = firstLine - 1
        func located(_ context: YamlError.Context?, _ problem: String, _ mark: Mark) -> Diagnostic {
            var message = "invalid YAML: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line + shift))"
            }
            if problem.hasPrefix("mapping values are not allowed") {
                message += "; put a value holding ': ' in quotes"
            } else if problem.contains("tab character") {
                message += "; indent with spaces, not tabs"
            }
            return Diagnostic(path: path, line: mark.line + shift, column: mark.column, message: message)
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return located(context, problem, mark)
        case let .reader(problem, offset, _, _):
            var line = 1, column = 1
            for character in yaml.prefix(offset ?? 0) {
                if character.isNewline { line += 1; column = 1 } else { column += character.unicodeScalars.count }
            }
            return Diagnostic(path: path, line: line + shift, column: column, message: "invalid YAML: \(problem)")
        default:
            return Diagnostic(path: path, line: firstLine, column: 1, message: "invalid YAML: \(error)")
        }
    }

    // MARK: Positions and errors

    /// The file position of a node.
    func position(of node: Node) -> (line: Int, column: Int) {
        guard let mark = node.mark else { return (firstLine, 1) }
        return (mark.line + firstLine - 1, mark.column)
    }

    package mutating func fail(_ message: String, at node: Node) {
        let (line, column) = position(of: node)
        diagnostics.append(Diagnostic(path: path, line: line, column: column, message: message))
    }

    mutating func fail(_ message: String, line: Int, column: Int) {
        diagnostics.append(Diagnostic(path: path, line: line, column: column, message: message))
    }

    /// How a value is shown in a message: a scalar quoted, else its kind.
    static func describe(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar): return isNull(node) ? "nothing" : SourceText.quoted(scalar.string)
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// A plain `~`, `null` or empty value.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    // MARK: Mappings

    /// The pairs of a mapping by key. Non-text keys, repeated keys and keys outside `known` are
    /// reported (`context` names the mapping in messages, e.g. `'links'`; nil for the top level).
    mutating func fields(of node: Node, known: [String], context: String?) -> [String: Node] {
        guard case let .mapping(mapping) = node else {
            fail("\(context.map { "\($0) must be a mapping" } ?? "front matter must be a mapping of fields"), got \(Self.describe(node))",
                 at: node)
            return [:]
        }
        var result: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                fail("a field name must be text, got \(Self.describe(key))", at: key)
                continue
            }
            let name = scalar.string
            if let first = keyNodes[name] {
                fail("duplicate field '\(name)' (first at line \(position(of: first).line))", at: key)
                continue
            }
            keyNodes[name] = key
            guard known.contains(name) else {
                let what = context.map { "unknown key '\(name)' in \($0)" } ?? "unknown field '\(name)'"
                if let guess = Self.suggestion(for: name, among: known) {
                    fail("\(what) (did you mean '\(guess)'?)", at: key)
                } else {
                    fail("\(what) (known: \(known.joined(separator: ", ")))", at: key)
                }
                continue
            }
            result[name] = value
        }
        return result
    }

    /// The known name closest to a misspelt one: within two edits, or sharing a 4-letter prefix.
    static func suggestion(for name: String, among known: [String]) -> String? {
        let lower = name.lowercased()
        var best: (String, Int)?
        for candidate in known {
            let distance = editDistance(Array(lower.utf8), Array(candidate.utf8))
            if distance <= 2, distance < best?.1 ?? Int.max { best = (candidate, distance) }
        }
        if let best { return best.0 }
        return known.first { lower.count >= 4 && ($0.hasPrefix(lower) || lower.hasPrefix($0)) }
    }

    private static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension String {
    /// Without leading and trailing whitespace (including line breaks).
    var trimmingSpaces: String { SourceText.trimmed(self) }
}
