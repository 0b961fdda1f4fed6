import DaybookContent
import DaybookLibrary
import DaybookSystem

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
            Job(path: routes.file(for: pagination.url), make: { $0.renderPeriod(kind, position, pagination) },
                lastmod: period.days.first, shows: period.papers[pagination.range], showsCards: true, frame: hash)
        }
    }

    enum PeriodKind: CaseIterable, Sendable {
        case week, month
    }

    func periods(_ kind: PeriodKind) -> [ArchiveIndex.Period] {
        kind == .week ? archive.weeks : archive.months
    }

    /// Week or month `position` of `archive` as a link.
    func periodLink(_ kind: PeriodKind, _ position: Int) -> PeriodLink {
        kind == .week ? weekLinks[position] : monthLinks[position]
    }

    /// A week or month as a link, labelled in the site's language from its newest day.
    static func periodLink(_ kind: PeriodKind, _ period: ArchiveIndex.Period, routes: Routes, strings: InterfaceStrings) -> PeriodLink {
        let newest = period.days[0]
        return PeriodLink(label: kind == .week ? strings.dates.week(newest) : strings.dates.month(newest), key: period.key,
                          url: kind == .week ? routes.week(period.key) : routes.month(period.key), count: period.papers.count,
                          countLabel: strings.count(InterfaceKey.papers, period.papers.count))
    }

    func renderArchive() -> [UInt8] { templates.render("archive", archiveContext()) }

    func archiveContext() -> ArchivePageContext {
        let months = zip(archive.months, monthLinks).map { month, link in
            ArchiveMonth(link: link, days: dayLinks(month.days), dayCountLabel: strings.count(InterfaceKey.days, month.days.count))
        }
        let days = strings.count(InterfaceKey.days, library.days.count)
        let papers = strings.count(InterfaceKey.papers, library.papers.count)
        let page = PageMeta(title: strings.text(InterfaceKey.archiveTitle, ["site": config.title]),
                            description: strings.text(InterfaceKey.archiveDescription, ["site": config.title, "days": days, "papers": papers]),
                            canonical: routes.absolute(routes.archive))
        return ArchivePageContext(
            base: base(page), months: months, weeks: weekLinks,
            dayCount: library.days.count, paperCount: library.papers.count, dayCountLabel: days, paperCountLabel: papers,
            lede: strings.text(InterfaceKey.archiveLede, ["days": days, "papers": papers]))
    }

    func renderPeriod(_ kind: PeriodKind, _ position: Int, _ pagination: Pagination) -> [UInt8] {
        templates.render("period", periodContext(kind, position, pagination))
    }

    func periodContext(_ kind: PeriodKind, _ position: Int, _ pagination: Pagination) -> PeriodPageContext {
        let list = periods(kind)
        let period = list[position]
        let papers = cardList(period.papers[pagination.range])
        let noun = kind == .week ? "week" : "month"
        let link = periodLink(kind, position)
        let heading = strings.text(InterfaceKey.period(noun, "heading"), [noun: link.label])
        let paged = pagination.number > 1
            ? strings.text(InterfaceKey.paged, ["number": String(pagination.number), "count": String(pagination.count)]) : ""
        let page = PageMeta(title: strings.text(InterfaceKey.periodTitle, ["heading": heading, "paged": paged, "site": config.title]),
                            description: strings.count(InterfaceKey.periodDescription, period.papers.count, ["period": link.label]),
                            canonical: routes.absolute(pagination.url), hasMath: papers.contains { $0.view.hasMath })
        let lede = strings.text(InterfaceKey.period(noun, pagination.count > 1 ? "lede_paged" : "lede"), [
            "papers": link.countLabel, "first": String(pagination.range.isEmpty ? 0 : pagination.range.lowerBound + 1),
            "last": String(pagination.range.upperBound),
        ])
        // Lists run newest first: the previous period is the next one in the list.
        return PeriodPageContext(
            base: base(page), heading: heading, period: link, noun: noun,
            kindText: site.i18n.namespace("period." + noun) ?? InterfaceText(strings, prefix: "period." + noun),
            papers: papers, days: dayLinks(period.days),
            pagination: pagination, pagePosition: pagePosition(pagination), startRank: pagination.range.lowerBound + 1,
            lede: lede, previous: position + 1 < list.count ? periodLink(kind, position + 1) : nil,
            next: position > 0 ? periodLink(kind, position - 1) : nil)
    }

    /// "Page 2 of 3", for the pager.
    func pagePosition(_ pagination: Pagination) -> String {
        strings.text(InterfaceKey.pagePosition, ["number": String(pagination.number), "count": String(pagination.count)])
    }
}

/// A week or month as a link.
public struct PeriodLink: RenderObject, Sendable {
    public let label: String
    public let key: String
    public let url: String
    public let count: Int
    /// "3 papers"
    public let countLabel: String

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .label: .string(label)
        case .key: .string(key)
        case .url: .string(url)
        case .count: .int(count)
        case .countLabel: .string(countLabel)
        default: .none
        }
    }
}

/// A month of the archive: its link and its days.
public struct ArchiveMonth: RenderObject, Sendable {
    public let link: PeriodLink
    public let days: [DayLink]
    /// "12 days"
    public let dayCountLabel: String

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .label: .string(link.label)
        case .key: .string(link.key)
        case .url: .string(link.url)
        case .countLabel: .string(link.countLabel)
        case .dayCount: .int(days.count)
        case .dayCountLabel: .string(dayCountLabel)
        case .days: .list(days)
        default: .none
        }
    }
}
