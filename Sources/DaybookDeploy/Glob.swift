/// A path pattern over `/`-separated relative paths: `*` matches within one segment, `**`
/// matches any number of whole segments (`**/x` matches `x` too), `?` one character,
/// `[a-f0-9]` a class, `{css,js}` alternatives.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[UInt8]]

    public init(_ pattern: String) {
        self.pattern = pattern
        alternatives = Glob.expandBraces(Array(pattern.utf8))
    }

    public var description: String { pattern }

    public func matches(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        return alternatives.contains { Glob.match($0[...], bytes[...]) }
    }

    /// `a{b,c}d` → `abd`, `acd` (nested braces are expanded too).
    private static func expandBraces(_ pattern: [UInt8]) -> [[UInt8]] {
        guard let open = pattern.firstIndex(of: UInt8(ascii: "{")) else { return [pattern] }
        var depth = 0
        var options: [[UInt8]] = []
        var start = open + 1
        for index in (open + 1)..<pattern.count {
            switch pattern[index] {
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}") where depth > 0: depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                options.append(Array(pattern[start..<index]))
                start = index + 1
            case UInt8(ascii: "}"):
                options.append(Array(pattern[start..<index]))
                let head = Array(pattern[..<open])
                let tails = expandBraces(Array(pattern[(index + 1)...]))
                return options.flatMap { expandBraces(head + $0) }.flatMap { option in tails.map { option + $0 } }
            default: break
            }
        }
        return [pattern]  // unbalanced: literal
    }

    private static let slash = UInt8(ascii: "/")
    private static let star = UInt8(ascii: "*")

    private static func match(_ pattern: ArraySlice<UInt8>, _ path: ArraySlice<UInt8>) -> Bool {
        var pattern = pattern
        var path = path
        while let first = pattern.first {
            switch first {
            case star where pattern.dropFirst().first == star:
                // `**`: optionally followed by `/`; matches zero or more whole segments.
                var rest = pattern.dropFirst(2)
                if rest.first == slash { rest = rest.dropFirst() }
                if rest.isEmpty { return true }
                var candidate = path
                while true {
                    if match(rest, candidate) { return true }
                    guard let next = candidate.firstIndex(of: slash) else { return false }
                    candidate = candidate[(next + 1)...]
                }
            case star:
                let rest = pattern.dropFirst()
                var candidate = path
                while true {
                    if match(rest, candidate) { return true }
                    guard let next = candidate.first, next != slash else { return false }
                    candidate = candidate.dropFirst()
                }
            case UInt8(ascii: "?"):
                guard let next = path.first, next != slash else { return false }
                pattern = pattern.dropFirst()
                path = path.dropFirst()
            case UInt8(ascii: "["):
                guard let close = pattern.dropFirst().firstIndex(of: UInt8(ascii: "]")),
                      let next = path.first, next != slash else { return false }
                guard classContains(pattern[(pattern.startIndex + 1)..<close], next) else { return false }
                pattern = pattern[(close + 1)...]
                path = path.dropFirst()
            default:
                guard path.first == first else { return false }
                pattern = pattern.dropFirst()
                path = path.dropFirst()
            }
        }
        return path.isEmpty
    }

    private static func classContains(_ set: ArraySlice<UInt8>, _ byte: UInt8) -> Bool {
        var set = set
        var negate = false
        if set.first == UInt8(ascii: "!") || set.first == UInt8(ascii: "^") {
            negate = true
            set = set.dropFirst()
        }
        var found = false
        var index = set.startIndex
        while index < set.endIndex {
            let low = set[index]
            if index + 2 < set.endIndex, set[index + 1] == UInt8(ascii: "-") {
                if low <= byte && byte <= set[index + 2] { found = true }
                index += 3
            } else {
                if low == byte { found = true }
                index += 1
            }
        }
        return found != negate
    }
}
