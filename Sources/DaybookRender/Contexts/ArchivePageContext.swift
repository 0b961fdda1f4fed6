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

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .months: .list(months)
        case .weeks: .list(weeks)
        case .dayCount: .int(dayCount)
        case .paperCount: .int(paperCount)
        case .dayCountLabel: .string(dayCountLabel)
        case .paperCountLabel: .string(paperCountLabel)
        case .lede: .string(lede)
        default: base.value(name)
        }
    }
}
