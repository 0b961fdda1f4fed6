import DaybookContent
import DaybookLibrary
import DaybookSystem

/// Writes an Atom 1.0 feed of papers: version-free paper URLs as ids, `rel="self"` and
/// `rel="alternate"` links, the site as the feed's author and each paper's authors on its entry,
/// dates from the content, item HTML escaped exactly once. A feed with no entries is still valid
/// (its `updated` is then the Unix epoch, never the wall clock).
public struct AtomFeedWriter: Sendable {
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
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(Escaping.xml(config.language))">

        """
        out.reserveCapacity(items.count * 2048 + 1024)
        element("id", routes.absolute(routes.home), into: &out)
        element("title", config.title, into: &out)
        element("subtitle", config.description, into: &out)
        let updated = items.map { AtomFeedWriter.updated($0.paper) }.max() ?? Day(daysSinceEpoch: 0)
        element("updated", updated.rfc3339, into: &out)
        out += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(Escaping.xml(routes.absolute(selfPath)))\"/>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(routes.absolute(routes.home)))\"/>\n"
        out += "<author>\n"
        element("name", config.title, into: &out)
        element("uri", routes.absolute(routes.home), into: &out)
        out += "</author>\n"
        out += "<generator version=\"\(DaybookVersion.current)\">Daybook</generator>\n"
        let html = RSSFeedWriter(config: config, routes: routes, text: text)
        for item in items {
            out += "<entry>\n"
            element("id", item.absoluteURL, into: &out)
            element("title", item.title, into: &out)
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(item.absoluteURL))\"/>\n"
            element("published", item.paper.day.rfc3339, into: &out)
            element("updated", AtomFeedWriter.updated(item.paper).rfc3339, into: &out)
            for author in item.paper.authors {
                out += "<author><name>\(Escaping.xml(author))</name></author>\n"
            }
            for tag in item.paper.tags {
                out += "<category term=\"\(Escaping.xml(tag))\"/>\n"
            }
            if let summary = item.paper.summary { element("summary", summary, into: &out) }
            out += "<content type=\"html\">"
            out += Escaping.xml(html.itemHTML(item))
            out += "</content>\n</entry>\n"
        }
        out += "</feed>\n"
        return out
    }

    /// When an entry last changed: its featured day, or the day it was withdrawn if later.
    static func updated(_ paper: Paper) -> Day {
        max(paper.day, paper.withdrawn ?? paper.day)
    }

    private func element(_ name: String, _ value: String, into out: inout String) {
        out += "<\(name)>"
        out += Escaping.xml(value)
        out += "</\(name)>\n"
    }
}
