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

    public func child(named name: String) -> Any? {
        switch name {
        case "noPapers": return day == nil
        case "day": return day
        case "papers": return papers
        case "earlierDays": return earlierDays
        case "hasMoreDays": return hasMoreDays
        case "lede": return lede
        default: return base.child(named: name)
        }
    }
}
