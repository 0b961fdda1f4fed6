import DaybookContent
import DaybookLibrary
import DaybookMarkdown
import DaybookSystem

/// Everything a template may show of one paper, prepared once per build and shared by every page
/// and feed that lists it. Values are looked up by key (`RenderObject`), not reflection.
/// Its dates and author counts are in English; pages read it through `LocalizedPaper`, which
/// writes those in the site's language.
public final class PaperView: RenderObject, @unchecked Sendable {
    public let paper: Paper
    /// Title as plain text, TeX text mode turned into what it means (`R\'{e}nyi` → Rényi), math as
    /// written: for feeds, metadata and search. Escape it where it is placed.
    public let title: String
    /// Title as HTML: escaped, math wrapped for KaTeX.
    public let titleHTML: String
    /// Given HTML of the abstract; nil: made from the paper's abstract when asked (`abstractHTML`).
    private let givenAbstractHTML: String?
    /// The base URL relative links of the abstract are resolved against.
    private let baseURL: String
    /// Plain-text excerpt for lists and descriptions.
    public let excerpt: String
    /// Whether the abstract renders to any HTML.
    public let hasAbstract: Bool
    public let hasMath: Bool
    public let url: String
    /// The paper page's output file, relative to the output folder.
    let file: String
    /// How much of `url` `baseURL` stands for in `absoluteURL` (the base path's length); nil when
    /// `url` is not under the base path (`Routes.absolute`).
    private let basePathLength: Int?
    public let dayURL: String
    public let tags: [TagLink]
    /// A stable hash of every stored field of `paper` (`Paper.combine(into:)`): the paper's part
    /// of the key of every page and feed that shows it (`PageKeys`), made once per view.
    package let paperHash: UInt64

    /// `abstractHTML`: the abstract's HTML when already made (nil: made from `paper` when a page or
    /// feed asks, so views hold no HTML of abstracts); `hasAbstract` defaults to whether it is not empty.
    public convenience init(paper: Paper, title: String? = nil, titleHTML: String, abstractHTML: String? = nil,
                            excerpt: String, hasAbstract: Bool? = nil, hasMath: Bool, routes: Routes) {
        self.init(paper: paper, title: title, titleHTML: titleHTML, abstractHTML: abstractHTML, excerpt: excerpt,
                  hasAbstract: hasAbstract, hasMath: hasMath, routes: routes, dayURL: routes.day(paper.day),
                  tags: paper.tags.map { TagLink(name: $0, url: routes.tag($0)) })
    }

    /// As above, with the day's URL and the tag links given (`PaperViewBuilder` makes each once
    /// for all the papers that share it).
    init(paper: Paper, title: String?, titleHTML: String, abstractHTML: String?, excerpt: String, hasAbstract: Bool?,
         hasMath: Bool, routes: Routes, dayURL: String, tags: [TagLink]) {
        self.paper = paper
        self.title = title ?? paper.title
        self.titleHTML = titleHTML
        self.givenAbstractHTML = abstractHTML
        self.baseURL = routes.baseURL
        self.excerpt = excerpt
        self.hasAbstract = hasAbstract ?? !(abstractHTML ?? "").isEmpty
        self.hasMath = hasMath
        let url = routes.paper(paper.id)
        self.url = url
        self.file = routes.file(for: url)
        self.basePathLength = url.hasPrefix(routes.basePath) ? routes.basePath.utf8.count : nil
        self.dayURL = dayURL
        self.tags = tags
        self.paperHash = paper.stableHash
    }

    /// `url` with the site's base URL (`Routes.absolute`): made when asked (a paper page asks
    /// three times), as 100,000 of them would take 10 MB for the whole build.
    public var absoluteURL: String {
        guard let basePathLength else { return url }
        return baseURL + url.dropFirst(basePathLength)
    }

    /// Abstract as HTML (links absolute), for the paper page and feeds: made on each call unless
    /// it was given.
    public var abstractHTML: String {
        givenAbstractHTML ?? MarkdownRenderer().render(paper.abstract, baseURL: baseURL).html
    }

    /// "Ada Lovelace, Alan Turing", or "6 authors" when only the count is known.
    public var authorsLine: String? {
        if !paper.authors.isEmpty { return paper.authors.joined(separator: ", ") }
        if let count = paper.authorCount { return CountLabel.of(count, "author") }
        return nil
    }

    /// Authors for a list: the first few names then "et al.", or the count.
    public var authorsShort: String? {
        guard paper.authors.count > 4 else { return authorsLine }
        return paper.authors.prefix(3).joined(separator: ", ") + " et al. (\(paper.authors.count) authors)"
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .id: .string(paper.id)
        case .title: .string(title)
        case .titleHTML: .string(titleHTML)
        case .url: .string(url)
        case .absoluteURL: .string(absoluteURL)
        case .authors: RenderValue(authorsLine)
        case .authorsShort: RenderValue(authorsShort)
        case .authorList: paper.authors.isEmpty ? .none : .other(paper.authors)
        case .day: .string(paper.day.longName)
        case .dayISO: .string(paper.day.description)
        case .dayURL: .string(dayURL)
        case .published: RenderValue(paper.published?.longName)
        case .publishedISO: RenderValue(paper.published?.description)
        case .upvotes: RenderValue(paper.upvotes)
        case .hasUpvotes: .bool(paper.upvotes != nil)
        case .excerpt: .string(excerpt)
        // Pre-escaped (by `Escaping.html`, on bytes) for the hot list partial: swift-mustache's own
        // escaping hashes every Character, which profiling showed as a top cost of list pages.
        case .excerptHTML: excerpt.isEmpty ? .none : .string(Escaping.html(excerpt))
        case .authorsShortHTML: RenderValue(authorsShort.map(Escaping.html))
        case .abstractHTML: .string(abstractHTML)
        case .hasAbstract: .bool(hasAbstract)
        case .summary: RenderValue(paper.summary)
        case .tags: .list(tags)
        case .arxivURL: RenderValue(paper.arxivURL)
        case .pdfURL: RenderValue(paper.pdfURL)
        case .codeURL: RenderValue(paper.links.code)
        case .projectURL: RenderValue(paper.links.project)
        case .stars: RenderValue(paper.stars)
        case .hasLinks: .bool(paper.arxivURL != nil || paper.pdfURL != nil || paper.links.code != nil || paper.links.project != nil)
        case .withdrawn: RenderValue(paper.withdrawn?.longName)
        case .withdrawnISO: RenderValue(paper.withdrawn?.description)
        case .hasMath: .bool(hasMath)
        default: .none
        }
    }
}

/// A tag as a link; on the tag pages, with its paper count.
public struct TagLink: RenderObject, Sendable, Hashable {
    public let name: String
    public let url: String
    public var count: Int = 0
    /// "3 papers" in the site's language; nil on a paper's own tag list, which has no counts.
    public var countLabel: String? = nil

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .name: .string(self.name)
        case .url: .string(url)
        case .count: .int(count)
        case .countLabel: RenderValue(countLabel)
        default: .none
        }
    }
}

/// A link to a day, labelled in the site's language.
public struct DayLink: RenderObject, Sendable, Hashable {
    public let day: Day
    public let url: String
    public let count: Int
    /// `November 20, 2026`
    public let label: String
    /// `Nov 20, 2026`
    public let shortLabel: String
    /// `3 papers`
    public let countLabel: String

    public init(day: Day, url: String, count: Int, strings: InterfaceStrings) {
        self.init(day: day, url: url, count: count, label: strings.dates.long(day), shortLabel: strings.dates.short(day),
                  countLabel: strings.count(InterfaceKey.papers, count))
    }

    /// With its labels already made (`long` and `short` dates, the paper count).
    init(day: Day, url: String, count: Int, label: String, shortLabel: String, countLabel: String) {
        self.day = day
        self.url = url
        self.count = count
        self.label = label
        self.shortLabel = shortLabel
        self.countLabel = countLabel
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .label: .string(label)
        case .shortLabel: .string(shortLabel)
        case .iso: .string(day.description)
        case .url: .string(url)
        case .count: .int(count)
        case .countLabel: .string(countLabel)
        default: .none
        }
    }
}
