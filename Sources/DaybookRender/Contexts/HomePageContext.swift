/// The home page: the newest day's papers and links to earlier days.
public struct HomePageContext: PageContext {
    public let base: PageBase
    /// The newest day; nil when the site has no papers yet (`noPapers`).
    public let day: DayLink?
    public let papers: [PaperCard]
    public let earlierDays: [DayLink]
    /// More days exist than `earlierDays` lists (the archive has them).
    public let hasMoreDays: Bool
    /// "3 papers featured. {permalink}.": the lede around the day's link.
    public let lede: Phrase?

    public static let optionalNames: Set<String> = ["day", "lede"]

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .noPapers: .bool(day == nil)
        case .day: RenderValue(day)
        case .papers: .list(papers)
        case .earlierDays: .list(earlierDays)
        case .hasMoreDays: .bool(hasMoreDays)
        case .lede: RenderValue(lede)
        default: base.value(name)
        }
    }
}
