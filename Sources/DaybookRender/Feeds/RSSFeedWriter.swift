import DaybookContent
import DaybookLibrary
import DaybookSystem

/// Writes an RSS 2.0 feed of papers, by code so it is correct by construction: absolute links,
/// version-free permalink guids, RFC 822 dates from the content (never the wall clock), item HTML
/// escaped exactly once.
public struct RSSFeedWriter: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// The words around the content (link labels, counts), in the site's language.
    public let text: FeedText

    public init(config: SiteConfig, routes: Routes, text: FeedText = .english) {
        self.config = config
        self.routes = routes
        self.text = text
    }

    /// The feed document. `selfPath` is the feed's own root-relative path; `title` and `link`
    /// default to the site's.
    public func write(_ items: [PaperView], selfPath: String, title: String? = nil, link: String? = nil,
                      description: String? = nil) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel>

        """
        out.reserveCapacity(items.count * 2048 + 1024)
        element("title", title ?? config.title, into: &out)
        element("link", routes.absolute(link ?? routes.home), into: &out)
        element("description", description ?? config.description, into: &out)
        element("language", config.language, into: &out)
        element("generator", "Daybook \(DaybookVersion.current)", into: &out)
        if let newest = items.map(\.paper.day).max() {
            element("lastBuildDate", newest.rfc822, into: &out)
        }
        out += "<atom:link href=\"\(Escaping.xml(routes.absolute(selfPath)))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for item in items {
            out += "<item>\n"
            element("title", item.title, into: &out)
            element("link", item.absoluteURL, into: &out)
            out += "<guid isPermaLink=\"true\">\(Escaping.xml(item.absoluteURL))</guid>\n"
            element("pubDate", item.paper.day.rfc822, into: &out)
            if let authors = text.authors(item) { element("dc:creator", authors, into: &out) }
            for tag in item.paper.tags { element("category", tag, into: &out) }
            element("description", itemHTML(item), into: &out)
            out += "</item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }

    /// The item body as HTML: summary, abstract, and links, all URLs absolute.
    func itemHTML(_ item: PaperView) -> String {
        var html = ""
        if let summary = item.paper.summary { html += "<p><strong>\(Escaping.html(summary))</strong></p>\n" }
        if let authors = text.authors(item) { html += "<p>\(Escaping.html(authors))</p>\n" }
        html += item.abstractHTML
        var links: [String] = []
        for (kind, url) in [("arxiv", item.paper.arxivURL), ("pdf", item.paper.pdfURL), ("code", item.paper.links.code)] {
            if let url { links.append("<a href=\"\(Escaping.html(url))\">\(Escaping.html(text.link(kind)))</a>") }
        }
        if let upvotes = item.paper.upvotes { links.append(Escaping.html(text.upvotes(upvotes))) }
        if !links.isEmpty { html += "\n<p>" + links.joined(separator: " · ") + "</p>" }
        return html
    }

    private func element(_ name: String, _ value: String, into out: inout String) {
        out += "<\(name)>"
        out += Escaping.xml(value)
        out += "</\(name)>\n"
    }
}
