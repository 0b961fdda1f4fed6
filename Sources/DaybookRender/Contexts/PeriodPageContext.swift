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

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .heading: .string(heading)
        case .period: .object(period)
        case .noun: .string(noun)
        case .kindText: .object(kindText)
        case .papers: .list(papers)
        case .days: .list(days)
        case .pagination: .object(pagination)
        case .pagePosition: .string(pagePosition)
        case .startRank: .int(startRank)
        case .lede: .string(lede)
        case .previous: RenderValue(previous)
        case .next: RenderValue(next)
        default: base.value(name)
        }
    }
}
