import DaybookContent
import DaybookLibrary
import DaybookMarkdown

/// Turns papers into `PaperView`s: renders titles and abstracts with cmark-gfm once per build.
/// The C library is not safe to call from two threads with extensions attached, and the renderer
/// serializes calls, so this stage runs on one thread while page rendering uses every core.
public struct PaperViewBuilder: Sendable {
    public let routes: Routes
    /// Characters in a list excerpt.
    public static let excerptLength = 300

    public init(routes: Routes) {
        self.routes = routes
    }

    public func build(_ papers: some Sequence<Paper>) -> [PaperView] {
        let markdown = MarkdownRenderer()
        return papers.map { paper in
            let title = markdown.renderInline(paper.title)
            let abstract = markdown.render(paper.abstract, baseURL: routes.baseURL)
            let excerpt = markdown.excerpt(paper.abstract, maxLength: PaperViewBuilder.excerptLength)
            return PaperView(paper: paper, title: markdown.plainText(paper.title), titleHTML: title.html, abstractHTML: abstract.html, excerpt: excerpt,
                             hasMath: title.hasMath || abstract.hasMath, routes: routes)
        }
    }
}
