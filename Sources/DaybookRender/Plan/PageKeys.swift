import DaybookContent
import DaybookSystem

/// What each page or feed is made from, as one stable hash per output (its key).
///
/// A key combines what every output shares (the templates' sources, the interface strings as
/// loaded, the config, whether KaTeX is served, the preview's body markup, Daybook's identity)
/// with what the output's job declares it takes from the library: its `frame` (counts, neighbour
/// links, pagination), its sitemap entry (`lastmod`, `listed`) and the papers it `shows`, each by
/// a hash of every stored field of the paper (`PaperView.paperHash`). The build cache and the
/// preview both decide what to render by these keys (`PagePlan`). A job without a frame has no
/// key and is always rendered.
package struct PageKeys: Sendable {
    /// The hash of what every page shares.
    package let site: UInt64
    /// Per paper index: the hash of the paper's fields.
    package let papers: [UInt64]

    /// `bodyEnd`: markup every page ends its body with (the preview's reload script).
    package init(bodyEnd: String, config: SiteConfig, theme: Theme, views: [PaperView], mathAssets: Bool) {
        var hasher = StableHasher()
        DaybookIdentity.combine(into: &hasher)
        hasher.combine(String(reflecting: config))
        hasher.combine(mathAssets)
        hasher.combine(bodyEnd)
        hasher.combine(theme.templatesHash)
        hasher.combine(theme.strings.fingerprint)
        site = hasher.value
        papers = views.map(\.paperHash)
    }

    package func key(_ job: SiteRenderer.Job) -> UInt64? {
        guard let frame = job.frame else { return nil }
        var hasher = StableHasher()
        hasher.combine(site)
        hasher.combine(job.path)
        hasher.combine(frame)
        hasher.combine(job.lastmod)
        hasher.combine(job.listed)
        hasher.combine(job.shows.count)
        for index in job.shows { hasher.combine(papers[index]) }
        return hasher.value
    }
}
