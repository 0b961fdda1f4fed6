/// Resolves relative URL references against a base URL (RFC 3986, section 5.2).
struct URLResolver: Sendable {
    /// A URL split into its five parts; absent parts are nil (an empty path is "").
    struct Parts: Sendable {
        var scheme: Substring?
        var authority: Substring?
        var path: Substring
        var query: Substring?
        var fragment: Substring?

        init(_ url: String) {
            var rest = url[...]
            if let colon = rest.firstIndex(where: { $0 == ":" || $0 == "/" || $0 == "?" || $0 == "#" }),
               rest[colon] == ":", LinkPolicy.isScheme(rest[..<colon].utf8) {
                scheme = rest[..<colon]
                rest = rest[rest.index(after: colon)...]
            }
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let mark = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: mark)...]
                rest = rest[..<mark]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
                let slash = rest[afterSlashes...].firstIndex(of: "/") ?? rest.endIndex
                authority = rest[afterSlashes..<slash]
                rest = rest[slash...]
            }
            path = rest
        }

        var string: String {
            var s = ""
            if let scheme { s += scheme; s += ":" }
            if let authority { s += "//"; s += authority }
            s += path
            if let query { s += "?"; s += query }
            if let fragment { s += "#"; s += fragment }
            return s
        }
    }

    let base: Parts

    /// Nil when `base` is not absolute (has no scheme).
    init?(base: String) {
        let parts = Parts(base)
        guard parts.scheme != nil else { return nil }
        self.base = parts
    }

    /// `reference` made absolute; references with a scheme are returned unchanged.
    func resolve(_ reference: String) -> String {
        let ref = Parts(reference)
        if ref.scheme != nil { return reference }
        var target = Parts("")
        target.scheme = base.scheme
        target.fragment = ref.fragment
        if ref.authority != nil {
            target.authority = ref.authority
            target.path = Self.removingDotSegments(ref.path)[...]
            target.query = ref.query
            return target.string
        }
        target.authority = base.authority
        if ref.path.isEmpty {
            target.path = base.path
            target.query = ref.query ?? base.query
        } else {
            if ref.path.hasPrefix("/") {
                target.path = Self.removingDotSegments(ref.path)[...]
            } else {
                let merged: String
                if base.authority != nil && base.path.isEmpty {
                    merged = "/" + ref.path
                } else if let slash = base.path.lastIndex(of: "/") {
                    merged = String(base.path[...slash]) + ref.path
                } else {
                    merged = String(ref.path)
                }
                target.path = Self.removingDotSegments(merged[...])[...]
            }
            target.query = ref.query
        }
        return target.string
    }

    /// RFC 3986 section 5.2.4, segment by segment.
    static func removingDotSegments(_ path: Substring) -> String {
        guard path.contains(".") else { return String(path) }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let rooted = path.hasPrefix("/")
        var output: [Substring] = []
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if segment == "." {
                if isLast { output.append("") }
            } else if segment == ".." {
                if output.count > (rooted ? 1 : 0) { output.removeLast() }
                if isLast { output.append("") }
            } else {
                output.append(segment)
            }
        }
        if rooted && output.count == 1 { return "/" }
        return output.joined(separator: "/")
    }
}
