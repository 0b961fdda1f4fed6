import DaybookContent
import DaybookLibrary
import DaybookSystem
import Dispatch
import Synchronization

/// Renders every page and feed of a site into memory from a `Library` and prepared paper views.
/// Pages render in parallel; the result does not depend on scheduling.
public struct SiteRenderer: Sendable {
    public let config: SiteConfig
    public let routes: Routes
    public let library: Library
    public let views: [PaperView]
    public let templates: TemplateRenderer
    public let site: SiteContext
    /// Weeks and months.
    public let archive: ArchiveIndex
    /// Related papers by shared tags, per paper index.
    public let related: RelatedPapers
    /// Where pages take their cards when many pages are made (a build, `render`): each card made
    /// once and let go after its last page. nil (the preview, which makes pages on request): a
    /// page makes the cards it shows.
    package var cardStore: CardStore?
    /// The strings and each library day's label, shared by every paper a page shows.
    let localized: LocalizedStrings
    /// Each library day as a link, made once.
    let dayLinkIndex: [Day: DayLink]
    /// Each week and month as a link, in `archive` order.
    let weekLinks: [PeriodLink], monthLinks: [PeriodLink]
    /// The search index's entry (`meta.json`'s text), which the search page carries so that its
    /// inline starter can ask for a query's term shards while the page is still loading; empty
    /// when not known (the page then preloads `meta.json`). Part of the search page's key.
    public var searchEntry = ""

    /// How many earlier days the home page links to before pointing to the archive.
    static let homeDayLinks = 14

    /// `mathAssets`: KaTeX is served from `assets/katex/`, so pages with math load it.
    /// `archive` and `related` are derived from `library`; pass them when already at hand (the
    /// preview updates them in place of recomputing).
    /// `previous`: a renderer of the same config and theme (the preview's last version), whose
    /// day labels and links are reused where a day's paper count is unchanged.
    public init(config: SiteConfig, library: Library, views: [PaperView], theme: Theme, bodyEnd: String = "",
                mathAssets: Bool = false, archive: ArchiveIndex? = nil, related: RelatedPapers? = nil,
                previous: SiteRenderer? = nil) {
        self.config = config
        let routes = Routes(config: config)
        self.routes = routes
        self.library = library
        self.views = views
        self.templates = TemplateRenderer(theme: theme)
        self.site = SiteContext(config: config, routes: routes, strings: theme.strings, bodyEnd: bodyEnd, mathAssets: mathAssets)
        let archive = archive ?? ArchiveIndex(library: library)
        self.archive = archive
        self.related = related ?? RelatedPapers(library: library)
        let localized = previous?.localized ?? LocalizedStrings(theme.strings, days: library.days)
        self.localized = localized
        self.dayLinkIndex = SiteRenderer.dayLinkIndex(library: library, routes: routes, localized: localized,
                                                      reusing: previous?.dayLinkIndex ?? [:])
        let strings = theme.strings
        self.weekLinks = archive.weeks.map { SiteRenderer.periodLink(.week, $0, routes: routes, strings: strings) }
        self.monthLinks = archive.months.map { SiteRenderer.periodLink(.month, $0, routes: routes, strings: strings) }
    }

    /// Papers for a list page: views with their cards (from `cardStore`, or made now).
    func cardList(_ indices: some Sequence<Int>) -> [PaperCard] {
        indices.map { index in
            let paper = paper(index)
            let make = { templates.card(paper, site: site) }
            return PaperCard(paper: paper, html: cardStore?.card(index, make: make) ?? make())
        }
    }

    /// `job`'s output; a page that shows cards then gives them back to `cardStore`.
    package func make(_ job: Job) -> [UInt8] {
        let bytes = job.make(self)
        if job.showsCards { cardStore?.release(job.shows) }
        return bytes
    }

    /// The paper at `index` as pages show it.
    func paper(_ index: Int) -> LocalizedPaper {
        LocalizedPaper(views[index], localized)
    }

    /// One unit of page or feed work: its output path, how to make it (from the renderer that
    /// runs it, which may hold cards the one that made the job did not), the day its content last
    /// changed and whether the sitemap lists it.
    ///
    /// `shows` and `frame` are the output's whole dependence on the library, which lets builds and
    /// the preview skip a job whose inputs did not change (`PageKeys`, `PagePlan`): `shows` lists
    /// the papers (indices) whose views it displays, `frame` hashes everything else it takes from
    /// the library (counts, neighbour links, pagination). A job with `frame == nil` depends on
    /// anything and is always run.
    ///
    /// `showsCards`: the page shows the papers of `shows` as cards (a listing page), which lets a
    /// build make each card once and let it go after its last page (`CardStore`).
    ///
    /// A class, so that the preview's versions and the plans share jobs rather than copy them.
    package final class Job: Sendable {
        package let path: String
        /// The output's UTF-8 bytes.
        package let make: @Sendable (SiteRenderer) -> [UInt8]
        package let lastmod: Day?
        package let listed: Bool
        package let shows: ArraySlice<Int>
        package let showsCards: Bool
        package let frame: Int?

        package init(path: String, make: @escaping @Sendable (SiteRenderer) -> [UInt8], lastmod: Day? = nil, listed: Bool = true,
                     shows: ArraySlice<Int> = [], showsCards: Bool = false, frame: Int? = nil) {
            self.path = path
            self.make = make
            self.lastmod = lastmod
            self.listed = listed
            self.shows = shows
            self.showsCards = showsCards
            self.frame = frame
        }
    }

    /// Every HTML page to render, in a fixed order: the site-wide pages, days, papers (in
    /// library order, at `paperJobs`), then weeks, months and tags.
    package func pageJobs() -> [Job] {
        var jobs = singletonJobs()
        jobs.reserveCapacity(jobs.count + library.days.count + views.count)
        for day in library.days { jobs.append(dayJob(day)) }
        jobs += Array(views.indices).parallelMap { paperJob($0) }
        jobs += readerJobs()
        return jobs
    }

    /// Where `pageJobs()` puts the paper pages (paper index `i` at `lowerBound + i`).
    package var paperJobs: Range<Int> {
        let start = SiteRenderer.singletonCount + library.days.count
        return start..<start + views.count
    }

    /// How many site-wide pages `singletonJobs()` makes.
    static let singletonCount = 5

    /// `pageJobs()`, with the paper jobs taken from `old` (the jobs of `previous`, a renderer of
    /// the same config whose library has the same papers in the same order) but for `changed`
    /// papers, which are made anew: those whose view, day or related papers changed. Site-wide,
    /// day and listing pages are always made anew (they cost a pass over days and tags).
    package func pageJobs(reusing old: [Job], of previous: SiteRenderer, changed: some Sequence<Int>) -> [Job] {
        let range = previous.paperJobs
        guard previous.views.count == views.count, range.upperBound <= old.count else { return pageJobs() }
        var jobs = singletonJobs()
        jobs.reserveCapacity(jobs.count + library.days.count + views.count)
        for day in library.days { jobs.append(dayJob(day)) }
        let start = jobs.count
        jobs += old[range]
        for index in changed { jobs[start + index] = paperJob(index) }
        jobs += readerJobs()
        return jobs
    }

    /// Pages that summarize the whole library: home, 404, archive, tag index, search. Their frames
    /// hash the counts they show, which costs a pass over days and tags, not over papers.
    func singletonJobs() -> [Job] {
        let newest = library.days.first
        var days = StableHasher()
        days.combine(library.papers.count)
        for day in library.days {
            days.combine(day)
            days.combine(library.papersByDay[day]!.count)
        }
        for period in archive.months + archive.weeks {
            days.combine(period.key)
            days.combine(period.papers.count)
        }
        let daysFrame = days.finalize()
        var tags = StableHasher()
        for entry in library.tags {
            tags.combine(entry.name)
            tags.combine(entry.papers.count)
        }
        return [Job(path: routes.file(for: routes.home), make: { $0.renderHome() }, lastmod: newest,
                    shows: newest.flatMap { library.papersByDay[$0]?[...] } ?? [], showsCards: true, frame: daysFrame),
                Job(path: "404.html", make: { $0.renderNotFound() }, listed: false, frame: daysFrame),
                Job(path: routes.file(for: routes.archive), make: { $0.renderArchive() }, lastmod: newest, frame: daysFrame),
                Job(path: routes.file(for: routes.tags), make: { $0.renderTagIndex() }, lastmod: newest, frame: tags.finalize()),
                Job(path: routes.file(for: routes.search), make: { $0.searchPage() }, lastmod: newest,
                    frame: searchFrame(daysFrame))]
    }

    /// The search page's frame: the counts it shows and the index entry it carries.
    func searchFrame(_ daysFrame: Int) -> Int {
        var frame = StableHasher()
        frame.combine(daysFrame)
        frame.combine(searchEntry)
        return frame.finalize()
    }

    func dayJob(_ day: Day) -> Job {
        var frame = StableHasher()
        let (previous, next) = library.neighbours(of: day)
        for neighbour in [previous, next] {
            frame.combine(neighbour)
            frame.combine(neighbour.flatMap { library.papersByDay[$0]?.count })
        }
        frame.combine(archive.weekPosition[day.weekKey].map { archive.weeks[$0].papers.count })
        frame.combine(archive.monthPosition[day.monthKey].map { archive.months[$0].papers.count })
        return Job(path: routes.file(for: routes.day(day)), make: { $0.renderDay(day) }, lastmod: day,
                   shows: library.papersByDay[day]?[...] ?? [], showsCards: true, frame: frame.finalize())
    }

    func paperJob(_ index: Int) -> Job {
        let paper = views[index].paper
        return Job(path: views[index].file, make: { $0.renderPaper(index) },
                   lastmod: max(paper.day, paper.withdrawn ?? paper.day),
                   shows: [index] + related.related[index], frame: 0)
    }

    /// All HTML pages, rendered on every core.
    public func renderPages() -> [String: [UInt8]] {
        render(pageJobs())
    }

    /// Runs jobs on every core, their cards made once each (`CardStore`).
    package func render(_ work: [Job], progress: BuildProgress? = nil) -> [String: [UInt8]] {
        var renderer = self
        renderer.cardStore = CardStore(pages: work)
        let pages = work.parallelMap { [renderer] job in
            let html = renderer.make(job)
            progress?.advance()
            return html
        }
        return Dictionary(zip(work.map(\.path), pages), uniquingKeysWith: { _, last in last })
    }

    /// The theme's strings in the site's language.
    package var strings: InterfaceStrings { site.strings }

    /// The parts every page shares, for a page with this head.
    func base(_ page: PageMeta) -> PageBase { PageBase(site: site, page: page) }

    func dayLinks(_ days: some Sequence<Day>) -> [DayLink] {
        days.map(dayLink)
    }

    /// `day` as a link, with its paper count.
    func dayLink(_ day: Day) -> DayLink {
        dayLinkIndex[day] ?? DayLink(day: day, url: routes.day(day), count: library.papersByDay[day]?.count ?? 0, strings: strings)
    }

    /// Every library day as a link (`dayLink`), its labels from `localized`; a link of `previous`
    /// (made with the same strings and routes) with the same count is reused.
    static func dayLinkIndex(library: Library, routes: Routes, localized: LocalizedStrings,
                             reusing previous: [Day: DayLink] = [:]) -> [Day: DayLink] {
        let strings = localized.strings
        var links: [Day: DayLink] = [:]
        links.reserveCapacity(library.days.count)
        for day in library.days {
            let count = library.papersByDay[day]?.count ?? 0
            if let link = previous[day], link.count == count {
                links[day] = link
                continue
            }
            links[day] = DayLink(day: day, url: routes.day(day), count: count, label: localized.long(day),
                                 shortLabel: strings.dates.short(day), countLabel: strings.count(InterfaceKey.papers, count))
        }
        return links
    }

    func papers(on day: Day) -> [PaperView] {
        (library.papersByDay[day] ?? []).map { views[$0] }
    }

    func renderHome() -> [UInt8] { templates.render("home", homeContext()) }

    func homeContext() -> HomePageContext {
        guard let newest = library.days.first else {
            let page = PageMeta(title: config.title, description: config.description, canonical: routes.absolute(routes.home))
            return HomePageContext(base: base(page), day: nil, papers: [], earlierDays: [], hasMoreDays: false, lede: nil)
        }
        let list = cardList(library.papersByDay[newest] ?? [])
        let earlier = library.days.dropFirst().prefix(SiteRenderer.homeDayLinks)
        let page = PageMeta(title: config.title, description: config.description,
                            canonical: routes.absolute(routes.home), hasMath: list.contains { $0.view.hasMath })
        return HomePageContext(
            base: base(page), day: dayLink(newest),
            papers: list, earlierDays: dayLinks(earlier), hasMoreDays: library.days.count > SiteRenderer.homeDayLinks + 1,
            lede: Phrase(strings.text(InterfaceKey.homeLede, ["papers": strings.count(InterfaceKey.papers, list.count)])))
    }

    func renderDay(_ day: Day) -> [UInt8] { templates.render("day", dayContext(day)) }

    func dayContext(_ day: Day) -> DayPageContext {
        let list = cardList(library.papersByDay[day] ?? [])
        let (previous, next) = library.neighbours(of: day)
        let date = localized.long(day)
        let page = PageMeta(title: strings.text(InterfaceKey.dayTitle, ["date": date, "site": config.title]),
                            description: strings.count(InterfaceKey.dayDescription, list.count, ["date": date]),
                            canonical: routes.absolute(routes.day(day)), hasMath: list.contains { $0.view.hasMath })
        return DayPageContext(
            base: base(page), day: dayLink(day), papers: list, previous: previous.map(dayLink), next: next.map(dayLink),
            week: archive.weekPosition[day.weekKey].map { weekLinks[$0] },
            month: archive.monthPosition[day.monthKey].map { monthLinks[$0] },
            lede: strings.text(InterfaceKey.dayLede, ["papers": strings.count(InterfaceKey.papers, list.count)]))
    }

    func renderPaper(_ index: Int) -> [UInt8] { templates.render("paper", paperContext(index)) }

    func paperContext(_ index: Int) -> PaperPageContext {
        let view = views[index]
        let description = view.paper.summary ?? view.excerpt
        let page = PageMeta(title: strings.text(InterfaceKey.paperTitle, ["paper": view.title, "site": config.title]),
                            description: description, canonical: view.absoluteURL, hasMath: view.hasMath)
        return PaperPageContext(
            base: base(paperMeta(page, index)), paper: paper(index), related: related.related[index].map(paper),
            bibtex: BibTeXWriter.entry(for: view.paper, url: view.absoluteURL))
    }

    func renderNotFound() -> [UInt8] { templates.render("not-found", notFoundContext()) }

    func notFoundContext() -> NotFoundPageContext {
        let page = PageMeta(title: strings.text(InterfaceKey.notFoundTitle, ["site": config.title]),
                            description: strings.text(InterfaceKey.notFoundDescription),
                            canonical: routes.absolute(routes.notFound))
        return NotFoundPageContext(base: base(page), days: dayLinks(library.days.prefix(5)))
    }
}
