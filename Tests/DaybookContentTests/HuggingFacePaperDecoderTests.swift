import Testing
@testable import DaybookContent
import DaybookSystem

@Suite("Hugging Face papers JSON")
struct HuggingFacePaperDecoderTests {
    let path = "content/hf/2025-09-08.json"

    func decode(_ text: String) throws(ContentError) -> [Paper] {
        try HuggingFacePaperDecoder.decode(text, path: path)
    }

    func errors(_ text: String) -> [String] {
        errorLines { () throws(ContentError) in _ = try decode(text) }
    }

    @Test func decodesTheDailyPapersSample() throws {
        let papers = try decode(sampleJSON)
        #expect(papers.map(\.id) == ["2509.04664", "2509.05012", "2509.03311"])
        let first = papers[0]
        #expect(first.title == "Why Language Models Hallucinate")
        #expect(first.authors == ["Adam Tauman Kalai", "Ofir Nachum", "Santosh S. Vempala", "Edwin Zhang"])
        #expect(first.day == Day(year: 2025, month: 9, day: 8))
        #expect(first.published == Day(year: 2025, month: 9, day: 4))
        #expect(first.upvotes == 26)
        #expect(first.summary == "Language models produce incorrect statements because training and evaluation reward guessing over acknowledging uncertainty.")
        #expect(first.tags == ["hallucinations", "binary classification", "uncertain responses", "trustworthy AI systems"])
        #expect(first.abstract.hasPrefix("Like students facing hard exam questions, large language models sometimes guess when uncertain,"))
        #expect(!first.abstract.contains("\n"))
        #expect(first.source == SourceLocation(path: path))

        let second = papers[1]
        #expect(second.title == "Scaling Law with Learning Rate Annealing for Mixture-of-Experts Pretraining")
        #expect(second.authors == ["Mei Lin", "Jonas Weber"])  // the hidden author is dropped
        #expect(second.upvotes == 41)
        #expect(second.stars == 128)
        #expect(second.links == PaperLinks(code: "https://github.com/example-lab/moe-annealing",
                                           project: "https://example-lab.github.io/moe-annealing/"))
        #expect(second.abstract.contains("$L(s) = L_0 + A\\cdot S_1^{-\\alpha} - C\\cdot S_2$"))
        #expect(second.summary == nil && second.tags.isEmpty)

        let third = papers[2]
        #expect(third.links.code == "https://github.com/example-org/withdrawn-bench")
        #expect(third.withdrawn == Day(year: 2025, month: 9, day: 10))
        #expect(third.stars == nil)
    }

    @Test func decodesAFlatPaperObjectFromThePapersEndpoint() throws {
        let papers = try decode("""
        {"id": "2509.05012", "title": "T", "submittedOnDailyAt": "2025-09-09T06:12:03.114Z",
         "publishedAt": "2025-09-05T17:59:58.000Z", "upvotes": 57.0, "numModels": 3}
        """)
        #expect(papers.count == 1)
        #expect(papers[0].day == Day(year: 2025, month: 9, day: 9))
        #expect(papers[0].published == Day(year: 2025, month: 9, day: 5))
        #expect(papers[0].upvotes == 57)
    }

    @Test func fallsBackToTheItemsPublishedAtForTheFeaturedDay() throws {
        let papers = try decode("""
        [{"paper": {"id": "2509.00001", "title": "T", "publishedAt": "2025-09-01T00:00:00Z"},
          "publishedAt": "2025-09-03T10:00:00Z"}]
        """)
        #expect(papers[0].day == Day(year: 2025, month: 9, day: 3))
        #expect(papers[0].published == Day(year: 2025, month: 9, day: 1))
    }

    @Test func keepsAMissingCountUnknownRatherThanZero() throws {
        let papers = try decode(#"[{"paper": {"id": "2509.00001", "title": "T", "submittedOnDailyAt": "2025-09-08", "upvotes": null}}]"#)
        #expect(papers[0].upvotes == nil && papers[0].stars == nil)
    }

    @Test func reflowsHardWrappedAbstractsButKeepsParagraphs() throws {
        let papers = try decode(#"{"id": "a", "title": "T", "submittedOnDailyAt": "2025-09-08", "summary": "one\ntwo\n  three\n\nnext"}"#)
        #expect(papers[0].abstract == "one two three\n\nnext")
    }

    @Test func acceptsAnEmptyList() throws {
        #expect(try decode(" [ ] ").isEmpty)
    }

    @Test func namesTheItemFieldAndPositionOfBadValues() {
        #expect(errors("""
        [
          {"paper": {"id": "2509.00001", "title": "T", "submittedOnDailyAt": "2025-09-08", "upvotes": 26.5}},
          {"paper": {"id": "2509.00002", "title": "T", "submittedOnDailyAt": "2025-09-08", "upvotes": "many"}},
          {"paper": {"id": "2509.00003", "title": "T", "submittedOnDailyAt": "2025-09-08", "githubStars": -1}}
        ]
        """) == [
            "\(path):2:95: item 1: 'upvotes' must be a whole number, got 26.5",
            "\(path):3:95: item 2: 'upvotes' must be a number, got \"many\"",
            "\(path):4:99: item 3: 'githubStars' must be at least 0, got -1",
        ])
    }

    @Test func reportsMissingFieldsAtTheObjectThatLacksThem() {
        #expect(errors("""
        [{"paper": {"title": "T", "submittedOnDailyAt": "2025-09-08"}},
         {"paper": {"id": "2509.00002", "publishedAt": "2025-09-01"}}]
        """) == [
            "\(path):1:12: item 1: missing 'id'",
            "\(path):2:12: item 2: missing 'submittedOnDailyAt': the day the paper was featured",
            "\(path):2:12: item 2: missing 'title'",
        ])
    }

    @Test func rejectsBadIdsDatesAndLinks() {
        #expect(errors("""
        [{"paper": {"id": "2509.00001v3", "title": "T", "submittedOnDailyAt": "2025-02-30T00:00:00Z",
                    "githubRepo": "not a repo", "projectPage": "ftp://x", "ai_keywords": "llm",
                    "authors": [{"name": 5}, {"hidden": false}, "Ada"]}}]
        """) == [
            "\(path):1:19: item 1: 'id' must not carry a version, got \"2509.00001v3\" (use \"2509.00001\")",
            "\(path):1:71: item 1: 'submittedOnDailyAt' is not a real date: \"2025-02-30T00:00:00Z\" (February 2025 has 28 days)",
            "\(path):2:27: item 1: 'githubRepo' must be a URL or owner/name, got \"not a repo\"",
            "\(path):2:56: item 1: 'projectPage' must be an http(s) URL, got \"ftp://x\"",
            "\(path):2:82: item 1: 'ai_keywords' must be a list, got \"llm\"",
            "\(path):3:34: item 1: 'authors' item 1: 'name' must be text, got 5",
            "\(path):3:38: item 1: 'authors' item 2 has no 'name'",
        ])
    }

    @Test func rejectsAWrongTopLevelValue() {
        let expected = "expected Hugging Face papers JSON (a list of daily-papers items, or one paper with 'id' and 'title')"
        #expect(errors("42") == ["\(path):1:1: \(expected), got 42"])
        #expect(errors("[1]") == ["\(path):1:2: item 1: expected a daily-papers item (an object with a 'paper' object), got 1"])
        #expect(errors(#"[{"paper": []}]"#) == ["\(path):1:12: item 1: 'paper' must be an object, got a list"])
    }

    @Test("an object that is neither a paper nor a wrapped item is one error naming its keys, not three 'missing' ones")
    func rejectsAnArchiveObject() {
        let expected = "expected Hugging Face papers JSON (a list of daily-papers items, or one paper with 'id' and 'title')"
        #expect(errors(#"{"date": "2025-09-08", "papers": ["{\"id\": \"2509.00001\"}"]}"#)
                == ["\(path):1:1: \(expected), got an object with keys 'date', 'papers'"])
        #expect(errors("{}") == ["\(path):1:1: \(expected), got an object with no keys"])
        #expect(errors(#"[{"paper": {"id": "2509.00001", "title": "T"}}, "{\"id\": 1}"]"#).last
                == "\(path):1:49: item 2: expected a daily-papers item (an object with a 'paper' object), got \"{\\\"id\\\": 1}\"")
    }

    @Test func reportsJSONSyntaxErrorsWithPositions() {
        #expect(errors("[\n  {\"id\": \"a\",}\n]") == ["\(path):2:14: invalid JSON: expected a quoted key, found '}'"])
        #expect(errors("[1, 2") == ["\(path):1:6: invalid JSON: the list is not closed: expected ',' or ']'"])
        #expect(errors("{\"a\": \"x") == ["\(path):1:7: invalid JSON: the string is not closed"])
        #expect(errors("") == ["\(path):1:1: invalid JSON: expected a value, found the end of the file"])
        #expect(errors("[01]") == ["\(path):1:2: invalid JSON: a number must not start with 0"])
        #expect(errors("[1] x") == ["\(path):1:5: invalid JSON: unexpected text after the JSON value"])
        #expect(errors("{\"a\": \"\\q\"}") == ["\(path):1:8: invalid JSON: unknown escape '\\q' in a string"])
        #expect(errors(String(repeating: "[", count: 300)) == ["\(path):1:257: invalid JSON: nested more than 256 levels deep"])
    }

    @Test func countsColumnsInCharactersAfterNonASCIIText() {
        #expect(errors(#"{"title": "Café — ü", "id": "a", "submittedOnDailyAt": "x"}"#) == [
            "\(path):1:56: 'submittedOnDailyAt' must be a date written YYYY-MM-DD, got \"x\"",
        ])
    }

    @Test func decodesStringEscapes() throws {
        let papers = try decode(#"{"id": "a", "title": "Caf\u00e9 \ud83d\ude00 \"q\" \\ \/", "submittedOnDailyAt": "2025-09-08"}"#)
        #expect(papers[0].title == "Café 😀 \"q\" \\ /")
    }
}

/// The shared sample (`shared/formats/hf-daily-papers.sample.json`), as copied into the valid fixture site.
let sampleJSON: String = {
    let path = fixturePath("valid-site/content/hf/2025-09-08.json")
    guard let bytes = FileIO.read(path) else { return "" }
    return String(decoding: bytes, as: UTF8.self)
}()
