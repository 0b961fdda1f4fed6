import Mustache

/// Head metadata of one page.
public struct PageMeta: MustacheParent, Sendable, OptionalTemplateNames {
    /// Only a paper's page has JSON-LD.
    public static let optionalNames: Set<String> = ["jsonLD"]

    public let title: String
    public let description: String
    /// Absolute canonical URL.
    public let canonical: String
    public let hasMath: Bool
    /// Open Graph type: `website`, or `article` for a paper.
    public var type = "website"
    /// A JSON-LD document for `<script type="application/ld+json">`, already safe to embed.
    public var jsonLD: String?
    /// Feeds about this page's subject (a tag's feed), announced beside the site's.
    public var feeds: [FeedLink] = []

    public init(title: String, description: String, canonical: String, hasMath: Bool = false) {
        self.title = title
        self.description = description
        self.canonical = canonical
        self.hasMath = hasMath
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "description": return description
        case "canonical": return canonical
        case "hasMath": return hasMath
        case "type": return type
        case "jsonLD": return jsonLD
        case "feeds": return feeds
        default: return nil
        }
    }
}

/// A feed announced with `<link rel="alternate">`.
public struct FeedLink: MustacheParent, Sendable {
    public let title: String
    public let url: String
    public let type: String

    public init(title: String, url: String, type: String = "application/rss+xml") {
        self.title = title
        self.url = url
        self.type = type
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "type": return type
        default: return nil
        }
    }
}
