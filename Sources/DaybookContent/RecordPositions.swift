/// Where a `.md` record wrote the fields that `ContentAudit`'s warnings point at.
public struct RecordPositions: Sendable {
    public var day: (line: Int, column: Int)
    public var title: (line: Int, column: Int)

    public init(day: (line: Int, column: Int), title: (line: Int, column: Int)) {
        self.day = day
        self.title = title
    }
}
