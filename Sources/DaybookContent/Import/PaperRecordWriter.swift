/// Writes a `Paper` as the text of a record file: YAML front matter and the abstract as the body.
///
/// The form is canonical, so that writing the same paper twice gives the same bytes:
/// keys in the record format's order (`id`, `title`, `authors`, `author_count`, `day`, `published`,
/// `upvotes`, `tags`, `summary`, `links`, `stars`, then `withdrawn`), nil and empty fields left out,
/// every string double-quoted and escaped, dates plain (`2026-11-20`), a final newline.
///
/// ```swift
/// let text = PaperRecordWriter().text(for: paper)
/// ```
public struct PaperRecordWriter: Sendable {
    /// Lists whose inline form would make the line longer than this are written as block lists.
    public var inlineListWidth: Int

    public init(inlineListWidth: Int = 100) {
        self.inlineListWidth = inlineListWidth
    }

    /// The record text for `paper`; its `source` is not written.
    public func text(for paper: Paper) -> String {
        var out = "---\n"
        out.reserveCapacity(512 + paper.abstract.utf8.count)
        out += "id: " + YAMLQuoting.quoted(paper.id) + "\n"
        out += "title: " + YAMLQuoting.quoted(paper.title) + "\n"
        appendList("authors", paper.authors, to: &out)
        if let count = paper.authorCount { out += "author_count: \(count)\n" }
        out += "day: \(paper.day)\n"
        if let published = paper.published { out += "published: \(published)\n" }
        if let upvotes = paper.upvotes { out += "upvotes: \(upvotes)\n" }
        appendList("tags", paper.tags, to: &out)
        if let summary = paper.summary, !summary.isEmpty { out += "summary: " + YAMLQuoting.quoted(summary) + "\n" }
        appendLinks(paper.links, to: &out)
        if let stars = paper.stars { out += "stars: \(stars)\n" }
        if let withdrawn = paper.withdrawn { out += "withdrawn: \(withdrawn)\n" }
        out += "---\n"
        if !paper.abstract.isEmpty {
            out += paper.abstract
            if !paper.abstract.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    private func appendList(_ key: String, _ items: [String], to out: inout String) {
        guard !items.isEmpty else { return }
        let quoted = items.map(YAMLQuoting.quoted)
        let inline = quoted.joined(separator: ", ")
        if key.utf8.count + inline.utf8.count + 4 <= inlineListWidth {
            out += key + ": [" + inline + "]\n"
        } else {
            out += key + ":\n"
            for item in quoted { out += "  - " + item + "\n" }
        }
    }

    private func appendLinks(_ links: PaperLinks, to out: inout String) {
        guard !links.isEmpty else { return }
        out += "links:\n"
        let pairs: [(String, String?)] = [("arxiv", links.arxiv), ("pdf", links.pdf), ("code", links.code),
                                          ("project", links.project), ("doi", links.doi)]
        for case let (key, value?) in pairs {
            out += "  " + key + ": " + YAMLQuoting.quoted(value) + "\n"
        }
    }
}
