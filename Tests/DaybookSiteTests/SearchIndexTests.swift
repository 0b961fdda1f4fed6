import DaybookContent
import DaybookTestSupport
import Foundation
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSearch
@testable import DaybookSite

@Suite struct SearchIndexTests {
    /// A small deterministic generator (SplitMix64), so a failing sequence can be replayed.
    typealias Random = SeededGenerator

    /// Words sharing prefixes (so small shards split up to six characters), short and non-ASCII
    /// ones (`é` is one character, two bytes), stop words.
    static let words = ["trans", "transfer", "transformer", "transformers", "transit", "translation", "tr", "tra",
                        "trax", "traxyz", "model", "models", "modular", "mode", "graph", "graphs", "attention",
                        "ab", "x1", "é", "über", "naïve", "Café", "3d", "data", "dataset", "datasets", "the",
                        "and", "of", "2405", "sparse", "spar", "spa", "routing", "zz", "résumé", "ümlaut"]
    static let names = ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Émile Borel", "Mei Lin", "Yuki Tanaka"]
    static let tagNames = ["llm", "vision", "3d", "Vision Language", "rl"]
    static let days = ["2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]

    /// Words, the first far more often than the last, so some terms have few postings.
    static func text(_ random: inout Random, _ count: Int) -> String {
        (0..<count).map { _ in
            words[min(random.int(0..<words.count), random.int(0..<words.count))] + (random.chance(10) ? "," : "")
        }.joined(separator: " ")
    }

    static func randomPaper(_ id: String, _ random: inout Random) -> Paper {
        Reader.paper(id, day: random.pick(days), upvotes: random.chance(20) ? nil : random.int(0..<50),
                     title: text(&random, random.int(1..<5)),
                     authors: (0..<random.int(0..<7)).map { _ in random.pick(names) },
                     tags: (0..<random.int(0..<3)).map { _ in random.pick(tagNames) },
                     abstract: text(&random, random.int(0..<25)),
                     summary: random.chance(30) ? text(&random, random.int(1..<6)) : nil)
    }

    /// One random edit that keeps the paper's id and day.
    static func edit(_ paper: Paper, _ random: inout Random) -> Paper {
        var paper = paper
        switch random.int(0..<7) {
        case 0: paper.title = text(&random, random.int(1..<5))
        case 1: paper.abstract = text(&random, random.int(0..<25))
        case 2: paper.authors = (0..<random.int(0..<7)).map { _ in random.pick(names) }
        case 3: paper.tags = (0..<random.int(0..<3)).map { _ in random.pick(tagNames) }
        case 4: paper.upvotes = random.int(0..<50)
        case 5: paper.summary = random.chance(50) ? nil : text(&random, random.int(1..<6))
        default:
            // Add or drop one word: a term gains or loses one posting.
            paper.abstract = random.chance(50) ? paper.abstract + " " + random.pick(words)
                : String(paper.abstract.split(separator: " ").dropLast().joined(separator: " "))
        }
        return paper
    }

    /// The postings of a `terms/<key>.json` text, by term, decoded as the search script decodes
    /// them (`SearchEntryDecoder`).
    static func entries(_ text: String?) -> [String: [(document: Int, level: Int)]] {
        guard let text, let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { return [:] }
        return object.mapValues { SearchEntryDecoder.decode($0) }
    }

    static func dictionary(_ files: [(path: String, text: String)]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.text) })
    }

    static func same(_ a: [(path: String, text: String)], _ b: [(path: String, text: String)]) -> Bool {
        a.map(\.path) == b.map(\.path) && a.map { Array($0.text.utf8) } == b.map { Array($0.text.utf8) }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomEditsMatchAFreshBuild(seed: UInt64) {
        var random = Random(state: seed)
        // Files of five documents, or of one (then a document's text is its file's).
        let docsPerShard = seed % 2 == 0 ? 1 : 5, maxPostings = 4 + Int(seed) * 4
        var papers = (0..<40).map { SearchIndexTests.randomPaper(testID($0), &random) }
        var (library, views) = Reader.views(papers)
        papers = Array(library.papers)
        var index = SearchIndex(routes: Reader.routes, library: library, views: views, docsPerShard: docsPerShard, maxPostings: maxPostings)
        var previous = SearchIndexTests.dictionary(index.files)
        var removedCount = 0, metaWrites = 0, splitShards = 0
        for _ in 0..<200 {
            var changed = (0..<random.int(1..<4)).map { _ in random.int(0..<papers.count) }
            var newPapers = papers
            for position in Set(changed) {
                newPapers[position] = SearchIndexTests.edit(newPapers[position], &random)
                if random.chance(30) { newPapers[position] = SearchIndexTests.edit(newPapers[position], &random) }
            }
            if random.chance(20) { changed.append(changed[0]) }
            if random.chance(20) { changed.append(random.int(0..<papers.count)) }  // maybe unchanged
            let newLibrary = Library(papers: newPapers)
            var newViews = views
            for position in Set(changed) { newViews[position] = PaperViewBuilder(routes: Reader.routes).build([newPapers[position]])[0] }

            let change = index.update(old: library, new: newLibrary, views: newViews, changed: changed)
            let fresh = SearchIndex(routes: Reader.routes, library: newLibrary, views: newViews,
                                    docsPerShard: docsPerShard, maxPostings: maxPostings).files
            #expect(SearchIndexTests.same(index.files, fresh))
            guard let change else {
                Issue.record("an edit that keeps days should update")
                return
            }
            var applied = previous
            for path in change.removed {
                #expect(applied[path] != nil, "removed \(path), which did not exist")
                applied[path] = nil
            }
            for (path, text) in change.written {
                #expect(applied[path] != text, "wrote \(path) unchanged")
                applied[path] = text
            }
            #expect(applied == SearchIndexTests.dictionary(fresh))
            removedCount += change.removed.count
            metaWrites += change.written.filter { $0.path.hasSuffix("meta.json") }.count
            splitShards = max(splitShards, index.shardKeys.filter { $0.utf8.count > 2 }.count)
            previous = applied
            papers = newPapers
            library = newLibrary
            views = newViews
        }
        // The sequence exercised re-sharding, not only postings.
        #expect(removedCount > 0 && metaWrites > 0 && splitShards > 0)
    }

    @Test func documentsAreNumberedByDayOldestFirstThenByIDNotByRank() throws {
        let (library, views) = Reader.views([
            Reader.paper("c", day: "2026-11-20", upvotes: 50, title: "Sparse"),
            Reader.paper("a", day: "2026-11-20", upvotes: 1, title: "Sparse"),
            Reader.paper("b", day: "2026-11-19", upvotes: 100, title: "Sparse"),
            Reader.paper("d", day: "2026-11-21", title: "Dense"),
        ])
        var index = SearchIndex(routes: Reader.routes, library: library, views: views, docsPerShard: 2)
        let files = SearchIndexTests.dictionary(index.files)
        #expect(files["search/index/docs/0.json"]?.hasPrefix("[[\"papers/b/\"") == true)
        #expect(files["search/index/docs/0.json"]?.contains("[\"papers/c/\"") == true)
        #expect(files["search/index/docs/1.json"]?.hasPrefix("[[\"papers/a/\"") == true)
        #expect(files["search/index/docs/1.json"]?.contains("[\"papers/d/\"") == true)
        // b = 0, c = 1, a = 2, all in the title (one tier, one level).
        let sparse = try #require(SearchIndexTests.entries(files["search/index/terms/sp.json"])["sparse"])
        #expect(sparse.map(\.document) == [0, 1, 2])
        #expect(Set(sparse.map(\.level)).count == 1)

        // A new day appends: every older document keeps its number, so full chunks keep their bytes.
        let (later, laterViews) = Reader.views(Array(library.papers) + [Reader.paper("e", day: "2026-11-22", title: "Sparse")])
        let laterFiles = SearchIndexTests.dictionary(SearchIndex(routes: Reader.routes, library: later, views: laterViews, docsPerShard: 2).files)
        #expect(laterFiles["search/index/docs/0.json"] == files["search/index/docs/0.json"])
        #expect(laterFiles["search/index/docs/1.json"] == files["search/index/docs/1.json"])
        #expect(laterFiles["search/index/docs/2.json"]?.hasPrefix("[[\"papers/e/\"") == true)

        // Upvotes reorder the day's list, not the index: only the paper's document chunk changes.
        var papers = Array(library.papers)
        papers[library.byID["a"]!].upvotes = 500
        let newLibrary = Library(papers: papers)
        let newViews = PaperViewBuilder(routes: Reader.routes).build(newLibrary.papers)
        let change = index.update(old: library, new: newLibrary, views: newViews, changed: [library.byID["a"]!])
        #expect(change?.written.map(\.path) == ["search/index/docs/1.json"] && change?.removed.isEmpty == true)
    }

    @Test func aPaperMovedToAnotherDayIsNotUpdated() {
        let (library, views) = Reader.views([
            Reader.paper("a", day: "2026-11-20"), Reader.paper("b", day: "2026-11-19"),
        ])
        var index = SearchIndex(routes: Reader.routes, library: library, views: views)
        let before = index.files
        var papers = Array(library.papers)
        papers[1].day = Reader.day("2026-11-21")
        papers[1].title = "Moved"
        let (newLibrary, newViews) = Reader.views(papers)
        #expect(index.update(old: library, new: newLibrary, views: newViews, changed: [1]) == nil)
        #expect(SearchIndexTests.same(index.files, before))
    }

    @Test func canonicallyEquivalentSpellingsAndAccentsAreOneTerm() {
        let (library, views) = Reader.views([
            Reader.paper("a", day: "2026-11-20", title: "Cafe\u{301} au lait"),
            Reader.paper("b", day: "2026-11-19", title: "Caf\u{E9}"),
        ])
        var index = SearchIndex(routes: Reader.routes, library: library, views: views)
        // Accents fold: both are "cafe" (documents 1 and 0: oldest day first).
        let before = SearchIndexTests.entries(SearchIndexTests.dictionary(index.files)["search/index/terms/ca.json"])
        #expect(before.keys.sorted() == ["cafe"] && before["cafe"]?.map(\.document) == [0, 1])

        var papers = Array(library.papers)
        papers[0].title = "Tea"
        let (newLibrary, newViews) = Reader.views(papers)
        #expect(index.update(old: library, new: newLibrary, views: newViews, changed: [0]) != nil)
        let fresh = SearchIndex(routes: Reader.routes, library: newLibrary, views: newViews)
        #expect(SearchIndexTests.same(index.files, fresh.files))
        #expect(SearchIndexTests.entries(SearchIndexTests.dictionary(index.files)["search/index/terms/ca.json"])["cafe"]?.map(\.document) == [0])
    }

    /// The recursive split as first written, to check the per-prefix totals against.
    static func referenceShard(_ postings: [String: [UInt32]], maxPostings: Int) -> [String: [String]] {
        var result: [String: [String]] = [:]
        func place(_ terms: [String], length: Int) {
            var groups: [String: [String]] = [:]
            for term in terms { groups[SearchIndex.key(term, length: length), default: []].append(term) }
            for (key, group) in groups {
                let size = group.reduce(0) { $0 + postings[$1]!.count }
                let splittable = group.filter { $0.unicodeScalars.count > length }
                if size > maxPostings && length < 6 && splittable.count > 1 {
                    let kept = group.filter { $0.unicodeScalars.count <= length }
                    if !kept.isEmpty { result[key, default: []] += kept }
                    place(splittable, length: length + 1)
                } else {
                    result[key, default: []] += group
                }
            }
        }
        place(Array(postings.keys), length: 2)
        return result.mapValues { $0.sorted() }
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16, 17, 18] as [UInt64])
    func shardingMatchesTheRecursiveSplit(seed: UInt64) {
        var random = Random(state: seed)
        let letters = ["a", "b", "é", "1"]
        var postings: [String: [UInt32]] = [:]
        for _ in 0..<random.int(1..<300) {
            let term = (0..<random.int(1..<9)).map { _ in random.pick(letters) }.joined()
            guard term.utf8.count >= 2 else { continue }
            postings[term] = Array(repeating: 1, count: random.int(1..<8))
        }
        let maxPostings = random.int(1..<40)
        #expect(SearchIndex.shard(postings, maxPostings: maxPostings) == SearchIndexTests.referenceShard(postings, maxPostings: maxPostings))
    }
}

/// Ids like arXiv's and slugs: both give id terms (whole and in parts).
private func testID(_ n: Int) -> String {
    n % 3 == 0 ? "2411.\(10000 + n)" : "p" + String(100 + n)
}
