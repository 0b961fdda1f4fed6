import DaybookContent

/// The pages and feeds an edit changes, found by comparing the previous renderer's jobs with
/// the new renderer's for every page the edited papers could reach.
///
/// Paper indices of the old renderer are mapped to the new one's with `oldToNew` (nil when both
/// have the same ids, so the same indices; -1 for a paper that is gone). A page is rendered again
/// when it is new, when its `frame` (counts, neighbour links, pagination) differs, when the papers
/// it `shows` differ, or when it shows an edited paper. Which pages are compared is decided from
/// the edited papers alone, so the work follows the size of the edit, not of the library:
/// - the pages that summarize the library (home, 404, archive, tag index, search);
/// - the edited papers' pages and those whose related papers were recomputed;
/// - the edited papers' old and new days, their neighbours, and every day of their weeks and
///   months (a day page shows its week's and month's counts);
/// - those weeks and months and their neighbours (a period page links its neighbours with counts);
/// - every tag an edited paper had or has.
struct PageSelection {
    /// Pages to render.
    var render: [SiteRenderer.Job] = []
    /// Every compared page of the new site, rendered or not (for the sitemap's lastmod).
    var compared: [SiteRenderer.Job] = []
    /// Pages (and feeds) that are gone.
    var removed: [String] = []
    /// Feeds to write.
    var feeds: [(path: String, text: String)] = []

    /// `edited`: new indices of papers added or changed; `gone`: old indices of papers removed;
    /// `papers`: new indices of the paper pages to compare (the edited ones and those whose
    /// related papers may differ); `touchedDays` and `slugs`: the days and tags (slugs) the
    /// edited and removed papers had or have.
    init(old: SiteRenderer, new: SiteRenderer, oldToNew: [Int]? = nil, edited: Set<Int>, gone: [Int] = [],
         papers: Set<Int>, touchedDays: Set<Day>, slugs: Set<String>) {
        var oldJobs: [SiteRenderer.Job] = []
        var newJobs: [SiteRenderer.Job] = []
        /// Whether an old list of papers names the same papers as a new one.
        func same(_ old: some Collection<Int>, _ new: some Collection<Int>) -> Bool {
            old.count == new.count && zip(old, new).allSatisfy { (oldToNew?[$0] ?? $0) == $1 }
        }

        for index in papers {
            newJobs.append(new.paperJob(index))
            let before = oldToNew == nil ? index : old.library.byID[new.library.papers[index].id]
            if let before { oldJobs.append(old.paperJob(before)) }
        }
        for index in gone { oldJobs.append(old.paperJob(index)) }

        var days = touchedDays
        var periodKeys: [(SiteRenderer.PeriodKind, String)] = []
        for renderer in [old, new] {
            for day in touchedDays {
                let (previous, next) = renderer.library.neighbours(of: day)
                if let previous { days.insert(previous) }
                if let next { days.insert(next) }
                for (kind, positions, key) in [(SiteRenderer.PeriodKind.week, renderer.archive.weekPosition, day.weekKey),
                                               (.month, renderer.archive.monthPosition, day.monthKey)] {
                    guard let position = positions[key] else { continue }
                    let list = renderer.periods(kind)
                    days.formUnion(list[position].days)
                    for neighbour in position - 1...position + 1 where list.indices.contains(neighbour) {
                        periodKeys.append((kind, list[neighbour].key))
                    }
                }
            }
        }
        for day in days {
            if old.library.papersByDay[day] != nil { oldJobs.append(old.dayJob(day)) }
            if new.library.papersByDay[day] != nil { newJobs.append(new.dayJob(day)) }
        }
        var seenPeriods = Set<String>()
        for (kind, key) in periodKeys where seenPeriods.insert("\(kind)/\(key)").inserted {
            for (renderer, isOld) in [(old, true), (new, false)] {
                let positions = kind == .week ? renderer.archive.weekPosition : renderer.archive.monthPosition
                guard let position = positions[key] else { continue }
                if isOld { oldJobs += old.periodJobs(kind, position) } else { newJobs += new.periodJobs(kind, position) }
            }
        }

        for slug in slugs {
            let before = Library.position(ofSlug: slug, in: old.library.tags)
            let after = Library.position(ofSlug: slug, in: new.library.tags)
            if before.found { oldJobs += old.tagJobs(before.index) }
            if after.found { newJobs += new.tagJobs(after.index) }
            // A tag's feed path follows its slug, so only its items and name can change.
            if after.found && (!before.found || old.library.tags[before.index].name != new.library.tags[after.index].name
                               || !same(old.tagFeedPapers(before.index), new.tagFeedPapers(after.index))
                               || new.tagFeedPapers(after.index).contains(where: edited.contains)) {
                feeds.append(new.tagFeed(after.index))
            } else if before.found && !after.found {
                removed.append(old.tagFeedPath(before.index))
            }
        }

        var previous: [String: SiteRenderer.Job] = [:]
        for job in oldJobs + old.singletonJobs() { previous[job.path] = job }
        var current = Set<String>()
        for job in newJobs + new.singletonJobs() where current.insert(job.path).inserted {
            compared.append(job)
            guard let before = previous[job.path], let frame = job.frame, before.frame == frame,
                  same(before.shows, job.shows), !job.shows.contains(where: edited.contains) else {
                render.append(job)
                continue
            }
        }
        removed += previous.keys.filter { !current.contains($0) }

        if !same(old.feedPapers, new.feedPapers) || new.feedPapers.contains(where: edited.contains) {
            feeds += new.mainFeeds()
        }
        if old.digestDays != new.digestDays || new.digestDays.contains(where: touchedDays.contains) {
            feeds.append(new.digestFeed())
        }
    }
}

extension SiteRenderer {
    /// The output path of one tag's feed.
    func tagFeedPath(_ position: Int) -> String {
        routes.file(for: routes.tagFeed(library.tags[position].name))
    }
}
