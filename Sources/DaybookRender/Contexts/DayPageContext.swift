/// One day's page: its papers ranked, its neighbours and the week and month it is in.
public struct DayPageContext: PageContext {
    public let base: PageBase
    public let day: DayLink
    public let papers: [PaperCard]
    /// The day before and after that have papers; nil at either end.
    public let previous: DayLink?
    public let next: DayLink?
    public let week: PeriodLink?
    public let month: PeriodLink?
    /// "3 papers, by upvotes."
    public let lede: String

    public static let optionalNames: Set<String> = ["previous", "next", "week", "month"]

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .day: .object(day)
        case .papers: .list(papers)
        case .previous: RenderValue(previous)
        case .next: RenderValue(next)
        case .week: RenderValue(week)
        case .month: RenderValue(month)
        case .lede: .string(lede)
        default: base.value(name)
        }
    }
}
