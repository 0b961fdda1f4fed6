/// The incremental engine's one decision, shared by `daybook build` (against the build cache's
/// manifest) and `daybook serve` (against the keys of the site it holds): which outputs to make.
///
/// Every page and feed job gets its key (`PageKeys`); a job whose key equals the key its output
/// was last made from is kept as it is, every other job is stale and runs. What a page depends on
/// is declared once, in its job (`frame`, `shows`, `lastmod`, `listed`), and nowhere else.
struct PagePlan {
    /// Jobs to run, in the order given.
    private(set) var stale: [SiteRenderer.Job] = []
    /// Outputs whose last version is current.
    private(set) var kept = Set<String>()
    /// Every keyed output's key, by path (the next build's `previous`).
    private(set) var keys: [String: UInt64] = [:]
    /// `previous`: the key each output was last made from (nil when unknown: it runs).
    init(jobs: [SiteRenderer.Job], keys pageKeys: PageKeys, previous: (String) -> UInt64?) {
        keys.reserveCapacity(jobs.count)
        for job in jobs {
            guard let key = pageKeys.key(job) else {
                stale.append(job)
                continue
            }
            keys[job.path] = key
            if previous(job.path) == key { kept.insert(job.path) } else { stale.append(job) }
        }
    }

    /// The papers whose cards the stale jobs show.
    var shownPapers: Set<Int> {
        var papers = Set<Int>()
        for job in stale { papers.formUnion(job.shows) }
        return papers
    }

    /// The outputs of the last build (`previous`, by path) that the current plans make no more.
    static func removed(from previous: [String: UInt64], _ plans: PagePlan...) -> [String] {
        previous.keys.filter { path in !plans.contains { $0.keys[path] != nil } }.sorted()
    }
}
