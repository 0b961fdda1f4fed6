/// A numbered page of a tag as its head lists it: "Page 7", "Mar 3, 2025 – Mar 9, 2025".
public struct TagPageLink: RenderObject, Sendable {
    public let number: Int
    public let url: String
    /// "Page 7"
    public let label: String
    /// The days of its oldest and newest paper, or the one day they share.
    public let dates: String

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .number: .int(number)
        case .url: .string(url)
        case .label: .string(label)
        case .dates: .string(dates)
        default: .none
        }
    }
}
