import DaybookContent
import Mustache

/// The archive (every day, grouped by month) and the week and month pages (top papers).
extension SiteRenderer {
    /// Week and month pages; each period paginated by `per_page`.
    func periodJobs() -> [Job] {
        var jobs: [Job] = []
        for kind in PeriodKind.allCases {
            for position in periods(kind).indices { jobs += periodJobs(kind, position) }
        }
        return jobs
    }

    /// The pages of one week or month.
    func periodJobs(_ kind: PeriodKind, _ position: Int) -> [Job] {
        let list = periods(kind)
        let period = list[position]
        var frame = StableHasher()
        frame.combine(period.papers.count)
        for day in period.days {
            frame.combine(day)
            frame.combine(library.papersByDay[day]?.count)
        }
        for neighbour in [position + 1, position - 1] where list.indices.contains(neighbour) {
            frame.combine(list[neighbour].key)
            frame.combine(list[neighbour].papers.count)
        }
        let hash = frame.finalize()
        let first = kind == .week ? routes.week(period.key) : routes.month(period.key)
        return Pagination.pages(total: period.papers.count, perPage: config.perPage, first: first, routes: routes).map { pagination in
            Job(path: routes.file(for: pagination.url), make: { renderPeriod(kind, position, pagination) },
                lastmod: period.days.first, shows: period.papers[pagination.range], frame: hash)
        }
    }

    enum PeriodKind: CaseIterable, Sendable {
        case week, month
    }

    func periods(_ kind: PeriodKind) -> [ArchiveIndex.Period] {
        kind == .week ? archive.weeks : archive.months
    }

    func periodLink(_ kind: PeriodKind, _ period: ArchiveIndex.Period) -> PeriodLink {
        PeriodLink(label: period.label, key: period.key,
                   url: kind == .week ? routes.week(period.key) : routes.month(period.key), count: period.papers.count)
    }

    func renderArchive() -> String {
        let months = archive.months.map { month in
            ArchiveMonth(link: periodLink(.month, month), days: dayLinks(month.days))
        }
        let page = PageMeta(title: "Archive · \(config.title)",
                            description: "Every day of \(config.title), grouped by month: \(CountLabel.of(library.days.count, "day")), \(CountLabel.papers(library.papers.count)).",
                            canonical: routes.absolute(routes.archive))
        return templates.render("archive", PageContext(site: site, page: page, values: [
            "months": months,
            "weeks": archive.weeks.map { periodLink(.week, $0) },
            "dayCount": library.days.count,
            "paperCount": library.papers.count,
            "dayCountLabel": CountLabel.of(library.days.count, "day"),
            "paperCountLabel": CountLabel.papers(library.papers.count),
        ]))
    }

    func renderPeriod(_ kind: PeriodKind, _ position: Int, _ pagination: Pagination) -> String {
        let list = periods(kind)
        let period = list[position]
        let papers = cardList(period.papers[pagination.range])
        let noun = kind == .week ? "week" : "month"
        let heading = kind == .week ? period.label : "Top papers of \(period.label)"
        let pageSuffix = pagination.number > 1 ? " (page \(pagination.number) of \(pagination.count))" : ""
        let page = PageMeta(title: "\(heading)\(pageSuffix) · \(config.title)",
                            description: "The \(period.papers.count == 1 ? "paper" : "\(period.papers.count) papers") featured in \(period.label), by upvotes.",
                            canonical: routes.absolute(pagination.url), hasMath: papers.contains { $0.view.hasMath })
        var values: [String: Any] = [
            "heading": heading,
            "period": periodLink(kind, period),
            "noun": noun,
            "papers": papers,
            "days": dayLinks(period.days),
            "pagination": pagination,
            "startRank": pagination.range.lowerBound + 1,
        ]
        // Lists run newest first: the previous period is the next one in the list.
        if position + 1 < list.count { values["previous"] = periodLink(kind, list[position + 1]) }
        if position > 0 { values["next"] = periodLink(kind, list[position - 1]) }
        return templates.render("period", PageContext(site: site, page: page, values: values))
    }
}

/// A week or month as a link.
public struct PeriodLink: MustacheParent, Sendable {
    public let label: String
    public let key: String
    public let url: String
    public let count: Int

    public func child(named name: String) -> Any? {
        switch name {
        case "label": return label
        case "key": return key
        case "url": return url
        case "count": return count
        case "countLabel": return CountLabel.papers(count)
        default: return nil
        }
    }
}

/// A month of the archive: its link and its days.
public struct ArchiveMonth: MustacheParent, Sendable {
    public let link: PeriodLink
    public let days: [DayLink]

    public func child(named name: String) -> Any? {
        switch name {
        case "label": return link.label
        case "key": return link.key
        case "url": return link.url
        case "countLabel": return link.child(named: "countLabel")
        case "dayCount": return days.count
        case "dayCountLabel": return CountLabel.of(days.count, "day")
        case "days": return days
        default: return nil
        }
    }
}
