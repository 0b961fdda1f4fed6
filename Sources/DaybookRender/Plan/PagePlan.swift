import DaybookSystem
/// The incremental engine's one decision, shared by `daybook build` (against the build cache's
/// manifest) and `daybook serve` (against the keys of the site it holds): which outputs to make.
///
/// Every page and feed job gets its key (`PageKeys`); a job whose key equals the key its output
/// was last made from is kept as it is, every other job is stale and runs. What an output depends
/// on is declared once, in its job (`frame`, `shows`, `lastmod`, `listed`), and nowhere else.
package struct PagePlan {
    /// Page jobs to run, in the order given.
    package private(set) var stalePages: [SiteRenderer.Job] = []
    /// Feed jobs to run, in the order given.
    package private(set) var staleFeeds: [SiteRenderer.Job] = []
    /// Outputs whose last version is current.
    package private(set) var kept: [String] = []
    /// Every keyed output's key, pages then feeds in job order (the next plan's `previous`).
    package private(set) var keys = OutputKeys()
    /// The keys of the stale outputs alone (a kept output's key is the one recorded).
    package private(set) var freshKeys = OutputKeys()
    /// Outputs the last build made that no job makes any more (known with the preview's keys).
    package private(set) var removed: [String] = []

    /// `previous`: what the last build's outputs were made from (nil: everything runs).
    /// `unchanged`: page jobs (by position in `pages`) known to declare what the previous job of
    /// the same path declared, showing papers none of which changed (the preview's edits know
    /// this): their previous key is taken without hashing them again.
    package init(pages: [SiteRenderer.Job], feeds: [SiteRenderer.Job], keys pageKeys: PageKeys, previous: PageReuse?,
                 unchanged: (Int) -> Bool = { _ in false }) {
        var lookup = PageReuse.Lookup(previous)
        keys.reserve(pages.count + feeds.count)
        var position = 0
        for (jobs, isPage) in [(pages, true), (feeds, false)] {
            let reused = isPage && previous != nil ? jobs.indices.map(unchanged) : [Bool](repeating: false, count: jobs.count)
            let computed = Array(jobs.indices).parallelMap { reused[$0] ? nil : pageKeys.key(jobs[$0]) }
            for (offset, job) in jobs.enumerated() {
                var key = computed[offset]
                var before: UInt64?
                if reused[offset] {
                    before = lookup.key(job.path, at: position)
                    key = before ?? pageKeys.key(job)
                } else if key != nil {
                    before = lookup.key(job.path, at: position)
                }
                if let key {
                    keys.append(job.path, key)
                    position += 1
                    if before == key {
                        kept.append(job.path)
                        continue
                    }
                    freshKeys.append(job.path, key)
                }
                if isPage { stalePages.append(job) } else { staleFeeds.append(job) }
            }
        }
        removed = lookup.removed(from: keys)
    }
}
