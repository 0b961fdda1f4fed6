/// Rules for paper identifiers.
public enum PaperID {
    /// New-style arXiv id: `YYMM.NNNN` or `YYMM.NNNNN`, no version.
    public static func isNewArxiv(_ id: String) -> Bool {
        let b = Array(id.utf8)
        guard b.count == 9 || b.count == 10, b[4] == UInt8(ascii: ".") else { return false }
        for (index, byte) in b.enumerated() where index != 4 {
            guard byte >= 48 && byte <= 57 else { return false }
        }
        return true
    }

    /// Old-style arXiv id: `archive(.subject)?/YYMMNNN`, e.g. `hep-ex/0307015`, `math.GT/0309136`.
    public static func isOldArxiv(_ id: String) -> Bool {
        let parts = id.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].utf8.count == 7, parts[1].utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let first = parts[0].utf8.first, first >= 97 && first <= 122 else { return false }
        return parts[0].utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) || $0 == 45 || $0 == 46 }
    }

    public static func isArxiv(_ id: String) -> Bool { isNewArxiv(id) || isOldArxiv(id) }

    /// A slug: 1–128 characters of `[a-z0-9._-]`, starting with a letter or digit.
    public static func isSlug(_ id: String) -> Bool {
        let b = id.utf8
        guard let first = b.first, b.count <= 128, isAlnum(first) else { return false }
        return b.allSatisfy { isAlnum($0) || $0 == 46 || $0 == 95 || $0 == 45 }
    }

    /// Valid as a record id: an arXiv id (new or old style) or a slug.
    public static func isValid(_ id: String) -> Bool { isSlug(id) || isOldArxiv(id) }

    /// The id as a single URL path segment and file name: `/` becomes `_` (old arXiv ids).
    public static func pathSegment(_ id: String) -> String {
        // A byte test first: `String.contains(Character)` breaks the string into graphemes.
        id.utf8.contains(UInt8(ascii: "/")) ? String(id.map { $0 == "/" ? "_" : $0 }) : id
    }

    /// A stable slug of a title: lowercase ASCII letters and digits joined by `-`, at most 80 characters.
    public static func slug(fromTitle title: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in title.unicodeScalars {
            let v = scalar.value
            if (v >= 48 && v <= 57) || (v >= 97 && v <= 122) {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else if v >= 65 && v <= 90 {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(Unicode.Scalar(v + 32)!)
            } else {
                pendingDash = true
            }
            if out.utf8.count >= 80 { break }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "untitled" : out
    }

    private static func isAlnum(_ b: UInt8) -> Bool { (b >= 48 && b <= 57) || (b >= 97 && b <= 122) }
}
