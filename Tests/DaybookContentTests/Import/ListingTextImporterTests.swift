import Testing
@testable import DaybookContent

@Suite("ListingTextImporter")
struct ListingTextImporterTests {
    static let december29 = ImportFixtures.day("2025-12-29")

    static func importFixture(_ name: String, day: Day = december29) throws -> ImportedPapers {
        try ListingTextImporter(day: day).papers(from: try ImportFixtures.text(name), path: name)
    }

    static func paper(_ result: ImportedPapers, titled prefix: String) throws -> Paper {
        try #require(result.papers.first { $0.title.hasPrefix(prefix) })
    }

    static let boilerplate: Set<String> = ["new", "Get trending papers in your email inbox!", "Subscribe", "Daily Papers",
                                           "byAK and the research community", "by AK and the research community", "Dec 29",
                                           "Get trending papers in your email inbox once a day!"]

    @Test func readsEveryPaperOfTheFirstLayoutWithAuthorCountsDatesAndUpvotes() throws {
        let result = try Self.importFixture("listing-layout1.txt")
        #expect(result.papers.count == 47)
        #expect(result.warnings.isEmpty)
        #expect(result.papers.filter { $0.authorCount != nil }.count == 43)
        #expect(Set(result.papers.map(\.id)).count == 47)
        #expect(result.papers.allSatisfy { !Self.boilerplate.contains($0.title) && $0.abstract.utf8.count > 1000 })
        #expect(result.papers.allSatisfy { $0.day == Self.december29 && $0.authors.isEmpty })

        let first = try #require(result.papers.first)
        #expect(first.id == "arm-net-adaptive-relation-modeling-network-for-structured-data")
        #expect(first.title == "ARM-Net: Adaptive Relation Modeling Network for Structured Data")
        #expect(first.abstract.hasPrefix("Relational databases are the de facto standard for"))
        #expect(first.abstract.hasSuffix("predictions for data-driven decision making."))
        #expect(first.abstract.utf8.count == 1907)
        #expect(first.authorCount == 6)
        #expect(first.published == Day(iso: "2021-07-05"))
        #expect(first.upvotes == nil)
        #expect(first.source == SourceLocation(path: "listing-layout1.txt", bodyLine: 15))

        let last = try #require(result.papers.last)
        #expect(last.title == "PLD: A Choice-Theoretic List-Wise Knowledge Distillation")
        #expect(last.abstract.hasSuffix("in both homogeneous and heterogeneous teacher-student pairs."))
        #expect(last.authorCount == 3)
        #expect(last.published == Day(iso: "2025-06-14"))

        let math = try Self.paper(result, titled: "HyperZ")
        #expect(math.title == "HyperZ$\\cdot$Z$\\cdot$W Operator Connects Slow-Fast Networks for Full Context Interaction")
        #expect(math.id == "hyperz-cdot-z-cdot-w-operator-connects-slow-fast-networks-for-full-context-inter")
        #expect(math.authorCount == 1)
        #expect(math.published == Day(iso: "2024-01-31"))
        #expect(math.upvotes == 1)

        let hoi = try Self.paper(result, titled: "Detecting Any Human-Object Interaction Relationship")
        #expect(hoi.abstract.contains("predicting <human, action, object> triplets"))
        #expect(hoi.abstract.utf8.count == 1689)
        #expect(hoi.authorCount == 7)
        #expect(hoi.published == Day(iso: "2023-11-07"))

        let many = try Self.paper(result, titled: "Beyond the Imitation Game")
        #expect(many.authorCount == 445)
        #expect(many.published == Day(iso: "2022-06-09"))
        #expect(many.upvotes == 1)

        let yearless = try Self.paper(result, titled: "Multi-Step Knowledge Interaction Analysis")
        #expect(yearless.published == Day(iso: "2025-11-03"))
        #expect(yearless.upvotes == 1)
        #expect(try Self.paper(result, titled: "LIFT the Veil").upvotes == 2)
        #expect(try Self.paper(result, titled: "Beyond Training").published == Day(iso: "2025-12-15"))

        let bare = try Self.paper(result, titled: "WorldPM")
        #expect(bare.authorCount == nil && bare.published == nil && bare.upvotes == nil)
        #expect(bare.abstract.hasSuffix("of 4% to 8% in our in-house evaluations."))
    }

    @Test func readsEveryPaperOfTheSecondLayout() throws {
        let result = try Self.importFixture("listing-layout2.txt")
        #expect(result.papers.count == 134)
        #expect(result.warnings.isEmpty)
        #expect(Set(result.papers.map(\.id)).count == 134)
        #expect(result.papers.allSatisfy { $0.authorCount == nil && $0.published == nil && $0.abstract.utf8.count > 500 })
        #expect(result.papers.allSatisfy { !Self.boilerplate.contains($0.title) })
        #expect(result.papers.first?.title == "Pedagogical Alignment of Large Language Models")
        #expect(result.papers.first?.abstract.hasPrefix("In this paper, we introduce the novel concept of pedagogically") == true)
        let last = try #require(result.papers.last)
        #expect(last.title == "Surveying the Effects of Quality, Diversity, and Complexity in Synthetic Data From Large Language Models")
        #expect(last.abstract.hasSuffix("works making progress in this direction."))
        #expect(last.abstract.utf8.count == 1911)
    }

    @Test func readsEveryPaperOfTheThirdLayoutAndUnfusesTheFirstTitle() throws {
        let result = try Self.importFixture("listing-layout3.txt")
        #expect(result.papers.count == 268)
        #expect(result.warnings.isEmpty)
        #expect(Set(result.papers.map(\.id)).count == 268)
        #expect(result.papers.allSatisfy { !Self.boilerplate.contains($0.title) && $0.abstract.utf8.count > 250 })
        let first = try #require(result.papers.first)
        #expect(first.title == "Continual Learning via Neural Pruning")
        #expect(first.id == "continual-learning-via-neural-pruning")
        #expect(first.abstract.hasPrefix("We introduce Continual Learning via Neural Pruning (CLNP)"))
        #expect(first.abstract.utf8.count == 1175)
        let last = try #require(result.papers.last)
        #expect(last.title == "Layer-adaptive sparsity for the Magnitude-based Pruning")
        #expect(last.abstract.hasSuffix("github.com/jaeho-lee/layer-adaptive-sparsity"))
        #expect(last.source.bodyLine == 538)
    }

    @Test func aDateWithoutAYearNeverLandsAfterTheFeaturedDay() throws {
        let text = "A Title\n\nAn abstract.\n\n  • 2 authors\n·\nDec 15 3\n\nOther Title\n\nAnother abstract.\n\n1 author\n·\nJan 2\n"
        let result = try ListingTextImporter(day: ImportFixtures.day("2026-01-10")).papers(from: text, path: "t.txt")
        #expect(result.papers.map(\.published) == [Day(iso: "2025-12-15"), Day(iso: "2026-01-02")])
        #expect(result.papers.map(\.upvotes) == [3, nil])
        #expect(result.papers.map(\.authorCount) == [2, 1])
        let leap = try ListingTextImporter(day: ImportFixtures.day("2027-03-01"))
            .papers(from: "T\n\nAbstract.\n\n·\nFeb 29\n", path: "t.txt")
        #expect(leap.papers.first?.published == Day(iso: "2024-02-29"))
    }

    @Test("an organisation line where the author count stands belongs to the paper above, not a new paper")
    func anOrganisationLineIsMetadataOfThePaperAbove() throws {
        let text = """
            First Paper

            The first abstract.

            acme Acme Labs
            ·
            Dec 15 12

            Second Paper

            The second abstract.

              • 6 authors
            ·
            Dec 14 3

            Third Paper

            The third abstract.

            acme Acme Labs
            lab2 Second Lab
              • 2 authors
            ·
            Dec 13
            """
        let result = try ListingTextImporter(day: Self.december29).papers(from: text, path: "t.txt")
        #expect(result.papers.map(\.title) == ["First Paper", "Second Paper", "Third Paper"])
        #expect(result.papers.map(\.abstract) == ["The first abstract.", "The second abstract.", "The third abstract."])
        #expect(result.papers.map(\.published) == [Day(iso: "2025-12-15"), Day(iso: "2025-12-14"), Day(iso: "2025-12-13")])
        #expect(result.papers.map(\.upvotes) == [12, 3, nil])
        #expect(result.papers.map(\.authorCount) == [nil, 6, 2])
        #expect(result.warnings.isEmpty)
    }

    @Test func titlesWithTheSameSlugGetDistinctIDsInPageOrder() throws {
        let text = "Attention!\nAbstract one.\nattention\nAbstract two.\nATTENTION?\nAbstract three.\n"
        let result = try ListingTextImporter(day: Self.december29).papers(from: text, path: "t.txt")
        #expect(result.papers.map(\.id) == ["attention", "attention-2", "attention-3"])
        #expect(result.papers.map(\.abstract) == ["Abstract one.", "Abstract two.", "Abstract three."])
    }

    @Test func theSameTitleTwiceKeepsOneID() throws {
        let result = try ListingTextImporter(day: Self.december29)
            .papers(from: "Same\nFirst abstract.\nSame\nSecond abstract.\n", path: "t.txt")
        #expect(result.papers.map(\.id) == ["same", "same"])
    }

    @Test func aTitleThatLostItsAbstractIsKeptWithAWarning() throws {
        let long = String(repeating: "This abstract is long enough to look like one. ", count: 10)
        let text = "Daily Papers\n\nLonely Title\n\nSecond Title\n\n\(long)\n\nThird Title\n\n\(long)\n\nLast Title\n"
        let result = try ListingTextImporter(day: Self.december29).papers(from: text, path: "t.txt")
        #expect(result.papers.map(\.title) == ["Lonely Title", "Second Title", "Third Title", "Last Title"])
        #expect(result.papers.map { $0.abstract.isEmpty } == [true, false, false, true])
        #expect(result.warnings.map(\.description) == [
            "t.txt:3:1: warning: no abstract found for \"Lonely Title\"",
            "t.txt:13:1: warning: no abstract found for \"Last Title\"",
        ])
    }

    @Test func multiLineBlocksAreOneTitleOrOneAbstract() throws {
        let text = "A title\nwrapped\n\nAn abstract\nin two lines.\n"
        let paper = try #require(try ListingTextImporter(day: Self.december29).papers(from: text, path: "t.txt").papers.first)
        #expect(paper.title == "A title wrapped")
        #expect(paper.abstract == "An abstract\nin two lines.")
    }

    @Test func textWithoutPapersIsAnError() {
        #expect(throws: ContentError.self) { try ListingTextImporter(day: Self.december29).papers(from: "", path: "t.txt") }
        let error = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "new\n\nSubscribe\n\nDaily Papers\n\nDec 29\n", path: "t.txt")
        }
        #expect(error?.description == "t.txt:1:1: no papers found in listing text")
    }

    @Test func anImpossibleDateIsAPositionedError() {
        let error = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "T\n\nAbstract.\n\n  • 2 authors\n·\nFeb 30, 2024\n", path: "t.txt")
        }
        #expect(error?.description == "t.txt:7:1: 'published' is not a valid date: \"Feb 30, 2024\"")
    }

    @Test func metaLinesWithoutAPaperAreAPositionedError() {
        let error = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "Daily Papers\n\n  • 2 authors\n", path: "t.txt")
        }
        #expect(error?.description == "t.txt:3:1: \"• 2 authors\" is not preceded by a paper")
    }

    @Test func aSecondAuthorCountOrDateIsAPositionedError() {
        let twice = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "T\n\nA.\n\n2 authors\n·\nJan 1\n·\nJan 2\n", path: "t.txt")
        }
        #expect(twice?.description == "t.txt:9:1: a second date for \"T\"")
        let count = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "T\n\nA.\n\nJan 1\n\n2 authors\n", path: "t.txt")
        }
        #expect(count?.description == "t.txt:7:1: an author count after the date of \"T\"")
    }

    @Test func anAbstractWithoutATitleIsAPositionedError() {
        let long = String(repeating: "This abstract is long enough to look like one. ", count: 10)
        let atStart = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "Subscribe\n\n\(long)\n\nT\n", path: "t.txt")
        }
        #expect(atStart?.description == "t.txt:3:1: the listing starts with an abstract; is its title missing?")
        let later = #expect(throws: ContentError.self) {
            try ListingTextImporter(day: Self.december29).papers(from: "T\n\(long)\n\(long)\nU\n", path: "t.txt")
        }
        #expect(later?.description == "t.txt:3:1: an abstract without a title (the paper before it, \"T\", already has one)")
    }
}
