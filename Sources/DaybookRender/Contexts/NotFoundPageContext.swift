/// The 404 page, with links to the newest days.
public struct NotFoundPageContext: PageContext {
    public let base: PageBase
    public let days: [DayLink]

    public static let optionalNames: Set<String> = []

    public func child(named name: String) -> Any? {
        switch name {
        case "days": return days
        default: return base.child(named: name)
        }
    }
}
