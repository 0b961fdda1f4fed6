import Testing
@testable import DaybookRender

/// The rule that splits a tag's papers: numbered pages counted from the oldest, all full; the
/// newest papers (a full page and the remainder) on the head.
@Suite struct TagPagingTests {
    @Test func fewerThanTwoPagesOfPapersAreAllOnTheHead() {
        for total in 0..<6 {
            let paging = TagPaging(total: total, perPage: 3)
            #expect(paging.archived == 0 && paging.head == 0..<total)
        }
        #expect(TagPaging(total: 6, perPage: 3).archived == 1)
    }

    @Test func theHeadAndFullNumberedPagesCoverTheListOnce() {
        for size in 1...7 {
            for total in 0...60 {
                let paging = TagPaging(total: total, perPage: size)
                var covered = Array(paging.head)
                for number in stride(from: paging.archived, through: 1, by: -1) {
                    #expect(paging.page(number).count == size)
                    covered += paging.page(number)
                }
                #expect(covered == Array(0..<total), "\(total) by \(size)")
                if paging.archived > 0 { #expect((size..<(2 * size)).contains(paging.head.count)) }
            }
        }
    }

    /// Counted from the oldest paper, a numbered page holds the same positions however many newer
    /// papers there are: page 1 the oldest `size`.
    @Test func aNumberedPageHoldsTheSamePapersWhateverComesAfter() {
        for total in 4...40 {
            let paging = TagPaging(total: total, perPage: 2)
            for number in stride(from: 1, through: paging.archived, by: 1) {
                let range = paging.page(number)
                #expect((total - range.upperBound)..<(total - range.lowerBound) == (2 * (number - 1))..<(2 * number))
            }
        }
        #expect(TagPaging(total: 5, perPage: 0) == TagPaging(total: 5, perPage: 1))
    }
}
