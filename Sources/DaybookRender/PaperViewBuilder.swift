import DaybookContent
import DaybookLibrary
import DaybookMarkdown
import DaybookSystem

/// Turns papers into `PaperView`s: renders titles and reads abstracts (excerpt, math) with
/// cmark-gfm once per build, on every core (the renderer serializes the one step of cmark's parse
/// that is not thread-safe). An abstract's HTML is made when its page or a feed shows it.
public struct PaperViewBuilder: Sendable {
    public let routes: Routes
    /// Characters in a list excerpt.
    public static let excerptLength = 300

    public init(routes: Routes) {
        self.routes = routes
    }

    public func build(_ papers: some Sequence<Paper>) -> [PaperView] {
        let markdown = MarkdownRenderer()
        let papers = Array(papers)
        let links = SharedLinks(papers, routes: routes)
        return papers.parallelMap { view($0, text: text(of: $0, markdown: markdown), links: links) }
    }

    /// Views of `papers`, taking the Markdown of each from `reusing` when it has the paper's
    /// `textKey`: only the others are rendered. Returns every paper's text by key (what the build
    /// cache keeps for the next build) and how many were rendered.
    package func build(_ papers: [Paper], reusing: (UInt64) -> PaperText?) -> (views: [PaperView], texts: [UInt64: PaperText], made: Int) {
        let keys = papers.parallelMap { textKey($0) }
        var texts: [UInt64: PaperText] = [:]
        texts.reserveCapacity(papers.count)
        var missing: [Int] = []
        for (index, key) in keys.enumerated() {
            if let text = reusing(key) { texts[key] = text } else { missing.append(index) }
        }
        let markdown = MarkdownRenderer()
        for (index, text) in zip(missing, missing.parallelMap { text(of: papers[$0], markdown: markdown) }) {
            texts[keys[index]] = text
        }
        let made = texts
        let links = SharedLinks(papers, routes: routes)
        let views = Array(papers.indices).parallelMap { view(papers[$0], text: made[keys[$0]]!, links: links) }
        return (views, texts, missing.count)
    }

    /// What a paper's text is rendered from: its title and abstract, and the base URL its links
    /// are resolved against.
    package func textKey(_ paper: Paper) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(paper.textHash)
        hasher.combine(routes.baseURL)
        return hasher.value
    }

    private func text(of paper: Paper, markdown: MarkdownRenderer) -> PaperText {
        let title = markdown.renderInline(paper.title)
        let abstract = markdown.outline(paper.abstract, maxLength: PaperViewBuilder.excerptLength)
        return PaperText(title: markdown.plainText(paper.title), titleHTML: title.html, excerpt: abstract.excerpt,
                         hasAbstract: abstract.hasContent, hasMath: title.hasMath || abstract.hasMath)
    }

    private func view(_ paper: Paper, text: PaperText, links: SharedLinks) -> PaperView {
        PaperView(paper: paper, title: text.title, titleHTML: text.titleHTML, abstractHTML: nil, excerpt: text.excerpt,
                  hasAbstract: text.hasAbstract, hasMath: text.hasMath, routes: routes,
                  dayURL: links.days[paper.day] ?? routes.day(paper.day),
                  tags: paper.tags.map { TagLink(name: $0, url: links.tags[$0] ?? routes.tag($0)) })
    }

    /// The URL of every day and tag the papers show, made once: thousands of papers share each.
    private struct SharedLinks: Sendable {
        var days: [Day: String] = [:]
        var tags: [String: String] = [:]

        init(_ papers: [Paper], routes: Routes) {
            for paper in papers {
                if days[paper.day] == nil { days[paper.day] = routes.day(paper.day) }
                for tag in paper.tags where tags[tag] == nil { tags[tag] = routes.tag(tag) }
            }
        }
    }
}
