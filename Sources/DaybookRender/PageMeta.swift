/// Head metadata of one page.
public struct PageMeta: RenderObject, Sendable, OptionalTemplateNames {
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

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .title: .string(title)
        case .description: .string(description)
        case .canonical: .string(canonical)
        case .hasMath: .bool(hasMath)
        case .type: .string(type)
        case .jsonLD: RenderValue(jsonLD)
        case .feeds: .list(feeds)
        default: .none
        }
    }
}

/// A feed announced with `<link rel="alternate">`.
public struct FeedLink: RenderObject, Sendable {
    public let title: String
    public let url: String
    public let type: String

    public init(title: String, url: String, type: String = "application/rss+xml") {
        self.title = title
        self.url = url
        self.type = type
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .title: .string(title)
        case .url: .string(url)
        case .type: .string(type)
        default: .none
        }
    }
}
