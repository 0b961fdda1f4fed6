import DaybookContent

/// One page of a week's or month's top papers.
public struct PeriodPageContext: PageContext {
    public let base: PageBase
    /// `Week 47, 2026: …` or `Top papers of November 2026`.
    public let heading: String
    public let period: PeriodLink
    /// `week` or `month`.
    public let noun: String
    /// The texts that differ between weeks and months (`period.week.*` of the strings):
    /// `{{kindText.nav_label}}`.
    public let kindText: InterfaceText
    public let papers: [PaperCard]
    public let days: [DayLink]
    public let pagination: Pagination
    /// "Page 2 of 3"
    public let pagePosition: String
    /// The rank of the first paper on this page.
    public let startRank: Int
    /// "12 papers featured this week, by upvotes." (with the page's ranks when paged)
    public let lede: String
    /// The period before and after; nil at either end.
    public let previous: PeriodLink?
    public let next: PeriodLink?

    public static let optionalNames: Set<String> = ["previous", "next"]

    public func child(named name: String) -> Any? {
        switch name {
        case "heading": return heading
        case "period": return period
        case "noun": return noun
        case "kindText": return kindText
        case "papers": return papers
        case "days": return days
        case "pagination": return pagination
        case "pagePosition": return pagePosition
        case "startRank": return startRank
        case "lede": return lede
        case "previous": return previous
        case "next": return next
        default: return base.child(named: name)
        }
    }
}
