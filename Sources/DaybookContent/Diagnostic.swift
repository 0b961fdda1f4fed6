/// One problem found in the input, positioned for editors: `path:line:column: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var path: String
    /// 1-based; 0 when unknown.
    public var line: Int
    /// 1-based; 0 when unknown.
    public var column: Int
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int = 0, column: Int = 0, message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        self.severity = severity
    }

    /// `path:line:column: message`; the position parts are left out where unknown.
    /// Warnings say so: `path:3:1: warning: …`.
    public var description: String {
        var out = path
        if line > 0 {
            out += ":\(line)"
            if column > 0 { out += ":\(column)" }
        }
        out += ": "
        if severity == .warning { out += "warning: " }
        return out + message
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.message) < (rhs.path, rhs.line, rhs.column, rhs.message)
    }
}

/// The content could not be loaded: every problem found, sorted by file and position.
public struct ContentError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
