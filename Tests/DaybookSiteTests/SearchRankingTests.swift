import DaybookContent
import Foundation
import Testing
@testable import DaybookSearch
@testable import DaybookSite
import DaybookTestSupport

/// The theme's search script (`assets/search.min.js`, as the page loads it) run in node against indexes built here, through
/// `Benchmarks/search-run.js` (a minimal DOM, files read from disk): what a reader's query finds
/// and in which order, and what it fetches.
@Suite struct SearchRankingTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    struct Run: Decodable {
        var query: String
        var status: String
        var results: [String]
        var files: [[JSONValue]]
        var fetched: [String] { files.compactMap { if case .string(let s) = $0.first { s } else { nil } } }
        /// The files the page's inline engine asked for before the page's script ran.
        var early: [String]
    }

    enum JSONValue: Decodable {
        case string(String), number(Double)
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) } else { self = .number(try container.decode(Double.self)) }
        }
    }

    /// Writes the index of `papers` into a temporary folder and runs `queries` against it, with the
    /// script the page loads (`search.min.js`) or `script`, a path from the repository's root.
    /// `engine` is another engine than the page's (paths from the repository's root); with
    /// `inline` false the page's script loads the engine's file, as where the inline one cannot run.
    static func search(_ papers: [Paper], _ queries: [String], script: String? = nil, engine: String? = nil,
                       inline: Bool = true) throws -> [String: Run] {
        let folder = TemporaryFolder(label: "search-ranking")
        defer { folder.remove() }
        let (library, views) = Reader.views(papers)
        let index = SearchIndex(routes: Reader.routes, library: library, views: views)
        for file in index.files { folder.write(file.path, file.text) }
        // The page beside the index, carrying its entry as a build's does: the script's messages
        // (English) come from its form, as in a browser, and the engine from its head.
        var renderer = try Reader.renderer(papers)
        renderer.searchEntry = index.entry
        folder.write("search/index.html", renderer.renderSearch())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["node", root + "/Benchmarks/search-run.js", folder.url("search/index")]
            + (script.map { ["--script", root + "/" + $0] } ?? []) + (engine.map { ["--engine", root + "/" + $0] } ?? [])
            + (inline ? [] : ["--no-inline"]) + queries
        folder.write("out.jsonl", "")
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.url("out.jsonl")))
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            process.terminate()
            Issue.record("node did not finish in 120 s")
        }
        process.waitUntilExit()
        try output.close()
        #expect(process.terminationStatus == 0, "node failed (is node ≥ 20 installed?)")
        let data = try #require(folder.read("out.jsonl"))
        let runs = try data.split(separator: "\n").map { try JSONDecoder().decode(Run.self, from: Data($0.utf8)) }
        return Dictionary(uniqueKeysWithValues: runs.map { ($0.query, $0) })
    }

    static func paper(_ n: Int, _ title: String, abstract: String = "An abstract.", upvotes: Int = 0) -> Paper {
        Reader.paper("2411.\(10000 + n)", upvotes: upvotes, title: title, abstract: abstract)
    }

    static func path(_ n: Int) -> String { "/papers/2411.\(10000 + n)/" }

    @Test func aRareCompletionDoesNotOutrankTheCommonOneForBeingRare() throws {
        // "diff" completes to "diffusion" (ten papers) and "differentiable" (one, with more upvotes).
        var papers = (0..<10).map { SearchRankingTests.paper($0, "Diffusion models for scene \($0)") }
        papers.append(SearchRankingTests.paper(10, "Differentiable models of rendering", upvotes: 100))
        papers += (11..<30).map { SearchRankingTests.paper($0, "Unrelated topic \($0)") }
        let runs = try SearchRankingTests.search(papers, ["diff mod", "differentiable"])
        let results = try #require(runs["diff mod"]?.results)
        #expect(results.count == 11)
        // Each word has one IDF for its completions, so the rarer one gains nothing; the phrase
        // "diffusion models" in the title counts. (Per-completion IDF put it first.)
        #expect(results.first != SearchRankingTests.path(10))
        #expect(results.prefix(10).allSatisfy { $0 != SearchRankingTests.path(10) })
        // Typed in full, the rare word finds its paper.
        #expect(runs["differentiable"]?.results == [SearchRankingTests.path(10)])
    }

    @Test func aWordFindsItsOtherFormsButAnAgentNounKeepsItsOwn() throws {
        let papers = [
            SearchRankingTests.paper(0, "Generating code with language models"),
            SearchRankingTests.paper(1, "Code generation benchmarks"),
            SearchRankingTests.paper(2, "Generative models of images"),
            SearchRankingTests.paper(3, "Transformed teachers"),
            SearchRankingTests.paper(4, "Vision transformers"),
        ]
        let runs = try SearchRankingTests.search(papers, ["code generation", "transformer"])
        let code = try #require(runs["code generation"]?.results)
        // "generating" and "code" are forms of the query's words; the exact words come first.
        #expect(code == [SearchRankingTests.path(1), SearchRankingTests.path(0)])
        #expect(runs["transformer"]?.results == [SearchRankingTests.path(4)])
    }

    @Test func theMinifiedScriptFindsWhatTheReadableOneFinds() throws {
        let papers = [
            SearchRankingTests.paper(0, "Generating code with language models", abstract: "We study $x^2$ and Götz's naïve models."),
            SearchRankingTests.paper(1, "Code generation benchmarks", upvotes: 3),
            SearchRankingTests.paper(2, "Generative models of images"),
            SearchRankingTests.paper(3, "Diffusion models for scenes", abstract: "Language model diffusion."),
            SearchRankingTests.paper(4, "Vision transformers"),
        ]
        let queries = ["code generation", "diff mod", "langauge model", "gotz naive", "transformer vision", "2411.10001", "zzz qqq", "of"]
        let readable = try SearchRankingTests.search(papers, queries, script: "Themes/default/assets/search.js",
                                                     engine: "Themes/default/assets/search-engine.js")
        let minified = try SearchRankingTests.search(papers, queries)
        for query in queries {
            #expect(readable[query]?.results == minified[query]?.results, "\(query)")
            #expect(readable[query]?.status == minified[query]?.status, "\(query)")
        }
        #expect(minified["langauge model"]?.results.isEmpty == false)
    }

    @Test func theFirstScreenFetchesOnlyItsOwnDocuments() throws {
        let papers = (0..<60).map { SearchRankingTests.paper($0, $0 % 3 == 0 ? "Sparse routing \($0)" : "Dense layers \($0)") }
        let runs = try SearchRankingTests.search(papers, ["sparse"])
        let run = try #require(runs["sparse"])
        #expect(run.status == "20 papers match “sparse”.")
        #expect(run.results.count == 20)
        // Twenty files, each holding one of the twenty results and nothing else.
        let docs = run.fetched.filter { $0.hasPrefix("docs/") }
        #expect(docs.count == 20)
        let (library, views) = Reader.views(papers)
        let files = SearchIndexTests.dictionary(SearchIndexFiles(routes: Reader.routes).files(library: library, views: views))
        for doc in docs {
            let text = try #require(files["search/index/" + doc])
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[Any]])
            #expect(entries.count == 1 && run.results.contains("/" + (entries[0][0] as? String ?? "")))
        }
    }

    @Test func theEngineInThePageStartsTheQueryAndFetchesOnlyWhatThePageDraws() throws {
        // Titles whose words share first letters (shards `sp`, `sc`, `tr`, `mo`…), plurals,
        // other forms, a stop word, ids, words too short to complete, a typo.
        let titles = ["Sparse routing of experts", "Scaling laws for transformers", "Transformed spaces",
                      "Generation of code", "Generated models", "Mixture of experts", "Model merging",
                      "A study of studies", "Diffusion models", "Differentiable rendering"]
        let papers = titles.enumerated().map { SearchRankingTests.paper($0.offset, $0.element) }
        let queries = ["sparse", "scaling laws", "transformers", "code generation", "mixture of experts", "diff mod",
                       "studies", "of", "arXiv:2411.10003v2", "2411.10004", "mo", "langauge", "Diffusion  MODELS", "Götz"]
        let started = try SearchRankingTests.search(papers, queries)
        // The page's script loading the engine's file (no inline script): the same search, later.
        let loaded = try SearchRankingTests.search(papers, queries, inline: false)
        for query in queries {
            let run = try #require(started[query], "\(query)")
            #expect(run.results == loaded[query]?.results, "\(query)")
            #expect(run.status == loaded[query]?.status, "\(query)")
            #expect(Set(run.fetched) == Set(loaded[query]?.fetched ?? []), "\(query)")
            // Nothing twice, no meta.json (the page carries it), and no document the page does not draw.
            #expect(run.fetched.count == Set(run.fetched).count, "\(query)")
            #expect(!run.fetched.contains("meta.json"), "\(query)")
            #expect(run.fetched.filter { $0.hasPrefix("docs/") }.count == run.results.count, "\(query)")
            // The engine asked for the shards and the drawn documents before the page's script
            // ran, but for a word that needs a correction (the page's script looks for one).
            if query != "langauge" {
                #expect(Set(run.early) == Set(run.fetched), "\(query)")
            }
        }
        #expect(loaded.values.allSatisfy { $0.early.isEmpty })
    }

    @Test func aTermInMostPapersIsDecodedFromItsBaseThreeTier() throws {
        // 5,500 papers, "model" in the long abstract of two in five (a low level) and in the
        // title of every third (a high one), so in 60 % of them: a dense term, two levels in one
        // base-3 tier; "filler" in all of them (one level); "rare" in a few. The script must find
        // exactly them.
        let filler = String(repeating: " filler", count: 100)
        let papers = (0..<5500).map { n -> Paper in
            let title = n % 3 == 0 ? "Model \(n)" : "Paper \(n)"
            let abstract = (n % 5 < 2 ? "A model of things" : "Nothing here") + filler + (n % 500 == 5 ? " rare words." : ".")
            return Reader.paper("p\(n)", day: "2026-11-\(10 + n % 10)", title: title, abstract: abstract)
        }
        let withModel = papers.filter { $0.title.hasPrefix("Model") || $0.abstract.hasPrefix("A model") }.count
        #expect(withModel == 3300)
        let (library, views) = Reader.views(papers)
        let files = SearchIndexTests.dictionary(SearchIndexFiles(routes: Reader.routes).files(library: library, views: views))
        let modelShard = try #require(files.first { $0.key.hasPrefix("search/index/terms/mo") && $0.value.contains("\"model\":\"") })
        #expect(modelShard.value.contains("\"model\":\"MtF"))
        #expect(SearchIndexTests.entries(files.first { $0.value.contains("\"filler\":\"") }?.value)["filler"]?.count == 5500)
        let runs = try SearchRankingTests.search(papers, ["model", "model rare", "filler"])
        #expect(runs["filler"]?.status == "5500 papers match “filler”.")
        #expect(runs["model"]?.status == "\(withModel) papers match “model”.")
        #expect(runs["model rare"]?.status == "11 papers match “model rare”.")
        // The title matches (level 12) come before the abstract-only ones.
        let titled = Set(papers.filter { $0.title.hasPrefix("Model") }.map { "/papers/\($0.id)/" })
        #expect(try #require(runs["model"]?.results).allSatisfy { titled.contains($0) })
    }
}
