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

    public func child(named name: String) -> Any? {
        switch name {
        case "day": return day
        case "papers": return papers
        case "previous": return previous
        case "next": return next
        case "week": return week
        case "month": return month
        case "lede": return lede
        default: return base.child(named: name)
        }
    }
}
