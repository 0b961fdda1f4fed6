import DaybookContent
import DaybookSystem

/// What each page is made from, as one stable hash per page (its key in the build cache).
///
/// A page's key combines what every page shares (the templates' sources, the interface strings
/// as loaded, the config, whether KaTeX is served, the preview's body markup, Daybook's identity)
/// with what the page's job
/// declares it takes from the library: its `frame` (counts, neighbour links, pagination) and the
/// papers it `shows`, each by a hash of every stored field of the paper (`Paper.combine(into:)`). The same declaration
/// drives the preview's `PageSelection`, so build and serve agree on what a page depends on. A
/// job without a frame has no key and is always rendered.
struct PageKeys: Sendable {
    /// The hash of what every page shares.
    let site: UInt64
    /// Per paper index: the hash of the paper's fields.
    let papers: [UInt64]

    init(options: BuildOptions, config: SiteConfig, theme: Theme, views: [PaperView], mathAssets: Bool) {
        var hasher = StableHasher()
        hasher.combine(BuildInputs.cacheFormat)
        BuildInputs.daybookIdentity(into: &hasher)
        hasher.combine(String(reflecting: config))
        hasher.combine(mathAssets)
        hasher.combine(options.bodyEnd)
        hasher.combine(theme.templatesHash)
        hasher.combine(theme.strings.fingerprint)
        site = hasher.value
        papers = views.parallelMap { view in
            var hasher = StableHasher()
            view.paper.combine(into: &hasher)
            return hasher.value
        }
    }

    func key(_ job: SiteRenderer.Job) -> UInt64? {
        guard let frame = job.frame else { return nil }
        var hasher = StableHasher()
        hasher.combine(site)
        hasher.combine(job.path)
        hasher.combine(frame)
        hasher.combine(job.shows.count)
        for index in job.shows { hasher.combine(papers[index]) }
        return hasher.value
    }
}
