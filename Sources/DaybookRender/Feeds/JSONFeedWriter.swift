import DaybookContent
import DaybookLibrary
import DaybookSystem

/// Writes a JSON Feed 1.1 of papers: version-free paper URLs as ids, absolute URLs, dates from
/// the content, item HTML as a JSON string (escaped once, by JSON's rules).
public struct JSONFeedWriter: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// The words around the content (link labels, counts), in the site's language.
    public let text: FeedText

    public init(config: SiteConfig, routes: Routes, text: FeedText = .english) {
        self.config = config
        self.routes = routes
        self.text = text
    }

    public func write(_ items: [PaperView], selfPath: String) -> String {
        var out = "{\n"
        out.reserveCapacity(items.count * 2048 + 1024)
        out += "  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
        out += "  \"title\": \(Escaping.json(config.title)),\n"
        out += "  \"home_page_url\": \(Escaping.json(routes.absolute(routes.home))),\n"
        out += "  \"feed_url\": \(Escaping.json(routes.absolute(selfPath))),\n"
        out += "  \"description\": \(Escaping.json(config.description)),\n"
        out += "  \"language\": \(Escaping.json(config.language)),\n"
        out += "  \"authors\": [{\"name\": \(Escaping.json(config.title)), \"url\": \(Escaping.json(routes.absolute(routes.home)))}],\n"
        out += "  \"items\": ["
        let html = RSSFeedWriter(config: config, routes: routes, text: text)
        for (index, item) in items.enumerated() {
            out += index == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"id\": \(Escaping.json(item.absoluteURL)),\n"
            out += "      \"url\": \(Escaping.json(item.absoluteURL)),\n"
            out += "      \"title\": \(Escaping.json(item.title)),\n"
            out += "      \"content_html\": \(Escaping.json(html.itemHTML(item))),\n"
            let summary = item.paper.summary ?? item.excerpt
            if !summary.isEmpty { out += "      \"summary\": \(Escaping.json(summary)),\n" }
            if let external = item.paper.arxivURL { out += "      \"external_url\": \(Escaping.json(external)),\n" }
            if !item.paper.authors.isEmpty {
                out += "      \"authors\": [" + item.paper.authors.map { "{\"name\": \(Escaping.json($0))}" }.joined(separator: ", ") + "],\n"
            }
            if !item.paper.tags.isEmpty { out += "      \"tags\": \(Escaping.json(item.paper.tags)),\n" }
            let updated = AtomFeedWriter.updated(item.paper)
            if updated != item.paper.day { out += "      \"date_modified\": \(Escaping.json(updated.rfc3339)),\n" }
            out += "      \"date_published\": \(Escaping.json(item.paper.day.rfc3339))\n"
            out += "    }"
        }
        out += items.isEmpty ? "]\n}\n" : "\n  ]\n}\n"
        return out
    }
}
