import Testing
@testable import DaybookMarkdown

@Suite struct ExcerptTests {
    let renderer = MarkdownRenderer()

    @Test func markupIsRemovedAndWhitespaceCollapsed() {
        #expect(renderer.excerpt("# Title\n\nSome *emph* and [a link](https://x.org),\nwrapped `code`.\n\n- item", maxLength: 200)
            == "Title Some emph and a link, wrapped code. item")
    }

    @Test func mathKeepsItsTeXSourceWithDollars() {
        #expect(renderer.excerpt(#"Bound $O(n^2)$ and \(x\) and $$y$$ and <b>"#, maxLength: 200)
            == "Bound $O(n^2)$ and $x$ and $$y$$ and <b>")
    }

    @Test func aLongTextIsCutAtAWordBoundaryWithAnEllipsis() {
        let text = renderer.excerpt("one two three four five", maxLength: 12)
        #expect(text == "one two…")
        #expect(text.count <= 12)
    }

    @Test func aCutLandingOnASpaceKeepsTheWholeWord() {
        #expect(renderer.excerpt("one two three", maxLength: 8) == "one two…")
    }

    @Test func trailingPunctuationBeforeTheEllipsisIsDropped() {
        #expect(renderer.excerpt("alpha, beta gamma", maxLength: 11) == "alpha…")
    }

    @Test func aTextThatFitsIsNotCut() {
        #expect(renderer.excerpt("one two", maxLength: 7) == "one two")
    }

    @Test func mathIsNeverCutInside() {
        #expect(renderer.excerpt("see $a + b + c$ now", maxLength: 14) == "see…")
    }

    @Test func aSingleOverlongWordIsCutHard() {
        #expect(renderer.excerpt("abcdefghij", maxLength: 5) == "abcd…")
    }

    @Test func aZeroLengthGivesNothing() {
        #expect(renderer.excerpt("abc", maxLength: 0) == "")
    }
}
