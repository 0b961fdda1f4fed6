import DaybookContent
import DaybookSystem

/// Every URL of the site, in one place. Paths are root-relative and include `base_url`'s path
/// (so a site deploys under a subpath); `absolute(_:)` prefixes scheme and host for feeds.
public struct Routes: Sendable {
    /// `https://example.org/papers/`
    public let baseURL: String
    /// `/papers/`
    public let basePath: String

    public init(config: SiteConfig) {
        self.baseURL = config.baseURL
        self.basePath = config.basePath
    }

    public var home: String { basePath }
    public var feed: String { basePath + "feed.xml" }
    public var notFound: String { basePath + "404.html" }
    public var tags: String { basePath + "tags/" }
    public var archive: String { basePath + "archive/" }
    public func asset(_ name: String) -> String { basePath + "assets/" + name }
    public func day(_ day: Day) -> String { basePath + "days/\(day)/" }
    public func paper(_ id: String) -> String { basePath + "papers/" + PaperID.pathSegment(id) + "/" }
    public func tag(_ tag: String) -> String { basePath + "tags/" + Routes.tagSlug(tag) + "/" }

    /// The absolute URL of a root-relative path produced by this type.
    public func absolute(_ path: String) -> String {
        guard path.hasPrefix(basePath) else { return path }
        return baseURL + path.dropFirst(basePath.utf8.count)
    }

    /// The file in the output folder that serves a path: `days/2026-11-20/index.html`.
    public func file(for path: String) -> String {
        var relative = String(path.dropFirst(basePath.utf8.count))
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        return relative
    }

    /// The URL segment for a tag: lowercase, spaces and punctuation as `-`, other letters kept
    /// and percent-encoded (`Vision Language` → `vision-language`).
    public static func tagSlug(_ tag: String) -> String {
        tag.utf8.allSatisfy { $0 < 0x80 } ? asciiTagSlug(tag) : unicodeTagSlug(tag)
    }

    /// `tagSlug` of an ASCII tag (most are), on bytes: the same as `unicodeTagSlug`, without
    /// Unicode property lookups (a build makes a slug per tag of every paper).
    static func asciiTagSlug(_ tag: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(tag.utf8.count)
        var dash = false
        for byte in tag.utf8 {
            let c = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            if (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F {
                if dash && !out.isEmpty { out.append(0x2D) }
                dash = false
                out.append(c)
            } else {
                dash = true
            }
        }
        return Escaping.urlPathSegment(out.isEmpty ? "tag" : String(decoding: out, as: UTF8.self))
    }

    static func unicodeTagSlug(_ tag: String) -> String {
        var out = ""
        var dash = false
        for character in tag.lowercased() {
            if character.isLetter || character.isNumber || character == "." || character == "_" {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.append(character)
            } else {
                dash = true
            }
        }
        return Escaping.urlPathSegment(out.isEmpty ? "tag" : out)
    }
}
