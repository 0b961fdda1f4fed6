/// How a tag's papers are split into pages that stay put as newer papers arrive.
///
/// The list is the tag's papers newest first (`Library.TagEntry.papers`). Numbered pages are
/// counted from the **oldest** end: page 1 holds the oldest `size` papers, page 2 the next `size`,
/// and so on, every numbered page full. The head (the tag's own URL) holds the rest, the newest:
/// the remainder plus one full page, so between `size` and `2 × size - 1` papers, or the whole
/// list while it has fewer than `2 × size` papers (then there is no numbered page).
///
/// Papers added at the newest end (a new day) therefore never move a paper between numbered
/// pages: they grow the head, and each time the head would reach `2 × size` its oldest `size`
/// papers become the next numbered page. A paper added, removed or re-dated further back shifts
/// the positions of every newer paper, and so the numbered pages from there on.
public struct TagPaging: Sendable, Equatable {
    /// Papers in the list.
    public let total: Int
    /// Papers on a numbered page (`per_page`, at least 1).
    public let size: Int
    /// How many numbered pages there are (`1...archived`).
    public let archived: Int

    public init(total: Int, perPage: Int) {
        self.total = total
        size = max(1, perPage)
        archived = total >= 2 * size ? total / size - 1 : 0
    }

    /// The head's papers, as positions in the newest-first list.
    public var head: Range<Int> { 0..<(total - archived * size) }

    /// Numbered page `number` (1 = the oldest papers), as positions in the newest-first list, so
    /// the page shows them newest first too.
    public func page(_ number: Int) -> Range<Int> {
        (total - number * size)..<(total - (number - 1) * size)
    }
}
