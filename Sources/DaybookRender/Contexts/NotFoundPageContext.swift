/// The 404 page, with links to the newest days.
public struct NotFoundPageContext: PageContext {
    public let base: PageBase
    public let days: [DayLink]

    public static let optionalNames: Set<String> = []

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .days: .list(days)
        default: base.value(name)
        }
    }
}
