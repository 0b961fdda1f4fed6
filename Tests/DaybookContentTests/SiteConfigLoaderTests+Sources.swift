import Testing
@testable import DaybookContent

/// `sources:` and `contact:`, for `daybook fetch`.
extension SiteConfigLoaderTests {
    @Test func readsBothSourcesWithAnAPIOverrideAndAContact() throws {
        let config = try parse("""
        sources:
          - huggingface: daily
          - arxiv: [cs.CL, cs.LG, cs.CL]
            api: http://127.0.0.1:8080/
        contact: me@example.org
        """)
        #expect(config.sources == [FetchSource(kind: .huggingFace),
                                   FetchSource(kind: .arxiv(categories: ["cs.CL", "cs.LG"]), api: "http://127.0.0.1:8080")])
        #expect(config.contact == "me@example.org")
    }

    @Test func acceptsOneCategoryOrAPlusJoinedList() throws {
        #expect(try parse("sources:\n  - arxiv: hep-ex\n").sources == [FetchSource(kind: .arxiv(categories: ["hep-ex"]))])
        #expect(try parse("sources:\n  - arxiv: cs.CL+astro-ph.CO\n").sources
                == [FetchSource(kind: .arxiv(categories: ["cs.CL", "astro-ph.CO"]))])
        #expect(try parse("sources:\n").sources.isEmpty)
    }

    @Test func reportsEveryBadEntryWithItsPosition() {
        #expect(errors("""
        sources:
          - huggingface: weekly
          - arxiv: [cs.CL, "CS CL"]
          - github: trending
          - arxiv: []
        """) == [
            "daybook.yml:2:18: 'sources' item 1: 'huggingface' must be daily (the daily papers list), got \"weekly\"",
            "daybook.yml:3:12: 'sources' item 2: \"CS CL\" is not an arXiv category (like cs.CL, hep-ex, astro-ph.CO)",
            "daybook.yml:4:5: unknown key 'github' in 'sources' item 3 (known: huggingface, arxiv, api)",
            "daybook.yml:5:12: 'sources' item 4: 'arxiv' needs at least one category, e.g. [cs.CL]",
        ])
    }

    @Test func rejectsAnAPIWithAPathATwiceNamedSourceAndANonList() {
        #expect(errors("""
        sources:
          - huggingface: daily
            api: http://127.0.0.1:8080/api/daily_papers
          - huggingface: daily
        """) == [
            "daybook.yml:3:10: 'sources' item 1: 'api' must be only a scheme, host and port (the service's paths are kept), got \"http://127.0.0.1:8080/api/daily_papers\"",
            "daybook.yml:4:5: 'sources' item 2: 'huggingface' is already configured in item 1 (list all its categories there)",
        ])
        #expect(errors("sources: huggingface\n") == [
            "daybook.yml:1:10: 'sources' must be a list, e.g. '- huggingface: daily' and '- arxiv: [cs.CL]', got \"huggingface\""])
        #expect(errors("sources:\n  - api: http://x\n") == [
            "daybook.yml:2:5: 'sources' item 1 must name one source: 'huggingface: daily' or 'arxiv: [categories]'"])
    }

    @Test func knowsArxivCategoriesAndAPIAddresses() {
        for good in ["cs.CL", "hep-ex", "astro-ph.CO", "math.AG", "q-bio.NC", "stat.ML"] { #expect(FetchSource.isArxivCategory(good)) }
        for bad in ["", "CS.CL", "cs.", ".CL", "cs.CL.x", "cs CL", "cs_CL"] { #expect(!FetchSource.isArxivCategory(bad)) }
        #expect(FetchSource.apiProblem("http://127.0.0.1:8080") == nil)
        #expect(FetchSource.apiProblem("https://mirror.example.org/") == nil)
        #expect(FetchSource.apiProblem("ftp://x") == "must start with http:// or https://")
        #expect(FetchSource.apiProblem("http://") == "needs a host")
        #expect(FetchSource.apiProblem("http://x?y=1") != nil)
    }
}
