import DaybookContent
import DaybookLibrary
import DaybookSystem

/// Writes the daily digest: an RSS 2.0 feed with one item per day, listing that day's papers.
/// The item's guid is the day page's absolute URL; its date is the day.
public struct DigestFeedWriter: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    /// The feed's own words, in the site's language.
    public let text: FeedText

    public init(config: SiteConfig, routes: Routes, text: FeedText = .english) {
        self.config = config
        self.routes = routes
        self.text = text
    }

    /// `days`: newest first, each with its papers ranked.
    public func write(_ days: [(day: Day, papers: [PaperView])]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>

        """
        element("title", text.digestTitle(site: config.title), into: &out)
        element("link", routes.absolute(routes.home), into: &out)
        element("description", text.digestDescription(site: config.title), into: &out)
        element("language", config.language, into: &out)
        element("generator", "Daybook \(DaybookVersion.current)", into: &out)
        if let newest = days.first?.day { element("lastBuildDate", newest.rfc822, into: &out) }
        out += "<atom:link href=\"\(Escaping.xml(routes.absolute(routes.daysFeed)))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
        for (day, papers) in days {
            let url = routes.absolute(routes.day(day))
            out += "<item>\n"
            element("title", text.digestItem(day, count: papers.count), into: &out)
            element("link", url, into: &out)
            out += "<guid isPermaLink=\"true\">\(Escaping.xml(url))</guid>\n"
            element("pubDate", day.rfc822, into: &out)
            element("description", digestHTML(papers), into: &out)
            out += "</item>\n"
        }
        out += "</channel>\n</rss>\n"
        return out
    }

    /// The day's papers as an ordered list of absolute links with authors and upvotes.
    func digestHTML(_ papers: [PaperView]) -> String {
        var html = "<ol>\n"
        for item in papers {
            html += "<li><a href=\"\(Escaping.html(item.absoluteURL))\">\(Escaping.html(item.title))</a>"
            if let authors = text.authorsShort(item) { html += " · " + Escaping.html(authors) }
            if let upvotes = item.paper.upvotes { html += " · " + Escaping.html(text.upvotes(upvotes)) }
            if let summary = item.paper.summary { html += "<br>" + Escaping.html(summary) }
            html += "</li>\n"
        }
        return html + "</ol>"
    }

    private func element(_ name: String, _ value: String, into out: inout String) {
        out += "<\(name)>"
        out += Escaping.xml(value)
        out += "</\(name)>\n"
    }
}
