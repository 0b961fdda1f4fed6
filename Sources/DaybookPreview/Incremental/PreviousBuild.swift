import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSearch
import DaybookSite

/// What the preview keeps from the previous build to update it: the library and everything
/// derived from it that is costly to make again (paper views with their Markdown, archive,
/// related papers, sitemap entries, search index), and the key of every page and feed.
///
/// A view is reused when the paper with the same id is equal field by field (unchanged papers
/// share their storage with the previous build, so the comparison is cheap) and the routes that
/// shaped its URLs are the same.
struct PreviousBuild: Sendable {
    let baseURL: String
    private(set) var library: Library
    private(set) var views: [PaperView]
    private(set) var archive: ArchiveIndex
    private(set) var related: RelatedPapers
    var sitemap: SitemapEntries
    var search: SearchIndex
    /// Whether pages load KaTeX (some paper has math and KaTeX was found).
    let hasMathAssets: Bool
    /// The key each page and feed was made from, by output path (`PagePlan`).
    private(set) var keys: OutputKeys

    init(baseURL: String, library: Library, views: [PaperView], archive: ArchiveIndex, related: RelatedPapers,
         sitemap: SitemapEntries, search: SearchIndex, hasMathAssets: Bool, keys: OutputKeys) {
        self.keys = keys
        self.baseURL = baseURL
        self.library = library
        self.views = views
        self.archive = archive
        self.related = related
        self.sitemap = sitemap
        self.search = search
        self.hasMathAssets = hasMathAssets
    }

    /// Sets the library and what derives from it (the search index and sitemap are updated in place).
    mutating func replace(library: Library, views: [PaperView], archive: ArchiveIndex, related: RelatedPapers, keys: OutputKeys) {
        self.keys = keys
        self.library = library
        self.views = views
        self.archive = archive
        self.related = related
    }

    /// What a build made from `library` and `views` without rendering its pages (so with the
    /// sitemap's entries; were they not kept, they are made from the jobs).
    init(_ assembly: SiteBuilder.Assembly, library: Library, views: [PaperView]) {
        let sitemap = assembly.sitemap ?? SitemapEntries(jobs: assembly.jobs, routes: assembly.renderer.routes)
        self.init(baseURL: assembly.renderer.routes.baseURL, library: library, views: views, archive: assembly.renderer.archive,
                  related: assembly.renderer.related, sitemap: sitemap, search: assembly.search,
                  hasMathAssets: assembly.hasMathAssets, keys: assembly.keys)
    }

    /// Views for `library`'s papers, in its order, and how many had to be made anew.
    func views(for library: Library, routes: Routes) -> (views: [PaperView], made: Int) {
        guard routes.baseURL == baseURL else {
            return (PaperViewBuilder(routes: routes).build(library.papers), library.papers.count)
        }
        var out: [PaperView?] = []
        out.reserveCapacity(library.papers.count)
        var missing: [Int] = []
        for (index, paper) in library.papers.enumerated() {
            if let old = self.library.byID[paper.id], views[old].paper == paper {
                out.append(views[old])
            } else {
                out.append(nil)
                missing.append(index)
            }
        }
        if !missing.isEmpty {
            let made = PaperViewBuilder(routes: routes).build(missing.map { library.papers[$0] })
            for (index, view) in zip(missing, made) { out[index] = view }
        }
        return (out.map { $0! }, missing.count)
    }
}
