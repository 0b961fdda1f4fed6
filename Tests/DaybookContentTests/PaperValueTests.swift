import Testing
@testable import DaybookContent

/// `Paper` keeps its fields in one shared box: copies must still behave as independent values.
@Suite("Paper as a value")
struct PaperValueTests {
    @Test func aChangedCopyLeavesTheOriginalAsItWas() {
        let day = Day(year: 2026, month: 11, day: 20)!
        let original = Paper(id: "2405.01234", title: "A", authors: ["Ada"], day: day, tags: ["llm"],
                             links: PaperLinks(code: "https://github.com/x/y"), abstract: "Text.")
        var copy = original
        copy.title = "B"
        copy.tags.append("vision")
        copy.links.pdf = "https://example.org/a.pdf"
        copy.authors[0] = "Alan"
        #expect(original.title == "A" && original.tags == ["llm"] && original.links.pdf == nil && original.authors == ["Ada"])
        #expect(copy.title == "B" && copy.tags == ["llm", "vision"] && copy.links.pdf == "https://example.org/a.pdf")
        #expect(copy.authors == ["Alan"] && copy.links.code == original.links.code)
        #expect(copy != original)
    }

    @Test func equalFieldsAreEqualPapersWithEqualHashes() {
        let day = Day(year: 2026, month: 11, day: 20)!
        let a = Paper(id: "x", title: "T", day: day, upvotes: 3)
        var b = Paper(id: "x", title: "U", day: day, upvotes: 3)
        #expect(a != b)
        b.title = "T"
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Set([a, b, a]).count == 1)
        var c = a
        c.upvotes = nil
        #expect(a.upvotes == 3 && c.upvotes == nil && a != c)
    }

    /// The hashes are made once per stored value and must follow every change.
    @Test func hashesFollowChangesAndCopies() {
        let day = Day(year: 2026, month: 11, day: 20)!
        var paper = Paper(id: "x", title: "T", day: day, tags: ["a"], abstract: "Text.")
        let stable = paper.stableHash, text = paper.textHash
        #expect(paper.stableHash == stable && stable != 0 && text != 0)
        let copy = paper
        paper.tags.append("b")
        #expect(paper.stableHash != stable && paper.textHash == text, "tags are not text")
        #expect(copy.stableHash == stable)
        paper.tags.removeLast()
        #expect(paper.stableHash == stable, "the same fields, the same hash")
        paper.abstract = "Other."
        #expect(paper.textHash != text && paper.stableHash != stable)
        var unique = Paper(id: "x", title: "T", day: day, tags: ["a"], abstract: "Text.")
        _ = unique.stableHash
        unique.links.code = "https://github.com/x/y"
        #expect(unique.stableHash != stable, "a change in place drops the kept hash")
        let fresh = Paper(id: "x", title: "T", day: day, tags: ["a"], abstract: "Text.")
        fresh.remember(stableHash: stable, textHash: text)
        #expect(fresh.stableHash == stable && fresh.textHash == text)
    }
}
