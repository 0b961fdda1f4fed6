/// The archive: every day grouped by month, then every week.
public struct ArchivePageContext: PageContext {
    public let base: PageBase
    public let months: [ArchiveMonth]
    public let weeks: [PeriodLink]
    public let dayCount: Int
    public let paperCount: Int
    /// "40 days"
    public let dayCountLabel: String
    /// "120 papers"
    public let paperCountLabel: String
    /// "40 days, 120 papers."
    public let lede: String

    public static let optionalNames: Set<String> = []

    public func child(named name: String) -> Any? {
        switch name {
        case "months": return months
        case "weeks": return weeks
        case "dayCount": return dayCount
        case "paperCount": return paperCount
        case "dayCountLabel": return dayCountLabel
        case "paperCountLabel": return paperCountLabel
        case "lede": return lede
        default: return base.child(named: name)
        }
    }
}
