import DaybookContent
import DaybookTestSupport
import Foundation
import Testing
@testable import DaybookSearch
@testable import DaybookSite

@Suite struct SearchIndexFilesTests {
    func terms(_ text: String) -> [String] {
        var out: [String] = []
        SearchIndex.terms(of: text) { out.append($0) }
        return out
    }

    func files(_ papers: [Paper]) -> [String: String] {
        let (library, views) = Reader.views(papers)
        return Dictionary(uniqueKeysWithValues: SearchIndexFiles(routes: Reader.routes).files(library: library, views: views).map { ($0.path, $0.text) })
    }

    @Test func splitsLowercaseWordsOfTwoOrMoreCharacters() {
        #expect(terms("The Quick-Brown fox, a 3D model of x.") == ["the", "quick", "brown", "fox", "3d", "model", "of"])
        #expect(terms("foo—bar’s «naïve» x²") == ["foo", "bar", "naive", "x²"])
    }

    @Test func foldsCaseAndAccentsSoReadersNeedNotTypeThem() {
        #expect(terms("Götz GÖTZ gotz Müller Björn Straße Łódź Ærø Cafe\u{301} Café Ñandú Dvořák İstanbul")
            == ["gotz", "gotz", "gotz", "muller", "bjorn", "strasse", "lodz", "aero", "cafe", "cafe", "nandu", "dvorak", "istanbul"])
        // Letters of other scripts stay, in normal form C.
        #expect(terms("Ελληνικά 한국어") == ["ελληνικα", "한국어"])
    }

    @Test func titleOutweighsAuthorsAndTagsWhichOutweighTheAbstract() throws {
        let paper = Reader.paper("2405.01234", title: "Sparse Transformers", authors: ["Ada Lovelace"], tags: ["vision"],
                                 abstract: "We study routing in a model of the cortex, and the model is sparse. "
                                     + String(repeating: "filler ", count: 120))
        let impacts = SearchIndex.impacts(paper)
        let title = try #require(impacts["transformers"]), author = try #require(impacts["lovelace"])
        let tag = try #require(impacts["vision"]), abstract = try #require(impacts["routing"])
        #expect(title > author && author == tag && tag > abstract)
        // A word in the title and the abstract counts at least as much as in the title alone
        // (levels are coarse); twice in the abstract more than once.
        #expect(impacts["sparse"]! >= title && impacts["model"]! > abstract)
        // Stop words are skipped in abstracts only.
        #expect(impacts["the"] == nil && impacts["in"] == nil)
        #expect(SearchIndex.impacts(Reader.paper("p1", title: "The Art of War"))["the"] != nil)
        // The id: as one term and as its parts.
        #expect(impacts["240501234"] != nil && impacts["2405"] != nil && impacts["01234"] != nil)
        #expect(SearchIndex.impacts(Reader.paper("hep-ex/0307015"))["hepex0307015"] != nil)
        #expect(impacts.values.allSatisfy { $0 < UInt32(SearchIndex.impactLevels) })
    }

    @Test func aLongerAbstractWeighsEachOccurrenceLess() {
        let short = SearchIndex.impacts(Reader.paper("a", abstract: "Routing matters."))["routing"]!
        let long = SearchIndex.impacts(Reader.paper("b", abstract: "Routing " + String(repeating: "words ", count: 400)))["routing"]!
        #expect(short > long)
    }

    @Test func writesMetaWithStopWordsAndSmallDocumentChunks() throws {
        let files = files([
            Reader.paper("old", day: "2026-11-19", title: "Sparse attention", abstract: "Routing\n\n  in  $x_1$ <b>."),
            Reader.paper("new", day: "2026-11-20", upvotes: 5, title: "Dense", abstract: "Sparse routing."),
        ])
        let meta = try #require(files["search/index/meta.json"])
        #expect(meta.hasPrefix("{\"version\":4,\"count\":2,\"docsPerShard\":1,\"impactLevels\":16,\"stopWords\":[\"an\",\"and\","))
        #expect(meta.hasSuffix(",\"shards\":[\"ad\",\"at\",\"de\",\"lo\",\"ne\",\"ol\",\"ro\",\"sp\"]}\n"))
        // One paper a file: the first screen fetches its own papers, not their neighbours.
        #expect(files["search/index/docs/0.json"] == "[[\"papers/old/\",\"Sparse attention\",\"Ada Lovelace\",\"2026-11-19\",[],0,\"Routing in $x_1$ \\u003cb\\u003e.\"]]\n")
        #expect(files["search/index/docs/1.json"] == "[[\"papers/new/\",\"Dense\",\"Ada Lovelace\",\"2026-11-20\",[],5,\"Sparse routing.\"]]\n")
        #expect(files["search/index/docs/2.json"] == nil)
        // "sparse": doc 1 from the abstract, doc 0 in the title: two tiers, the title's first.
        let sparse = try #require(SearchIndexTests.entries(files["search/index/terms/sp.json"])["sparse"])
        #expect(sparse.map(\.document) == [0, 1] && sparse[0].level > sparse[1].level)
    }

    @Test func theStopWordsInMetaAreTheOnesTheIndexSkips() throws {
        let meta = try #require(files([])["search/index/meta.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(meta.utf8)) as? [String: Any])
        #expect(Set(object["stopWords"] as? [String] ?? []) == SearchIndex.stopWords)
        #expect(object["shards"] as? [String] == [])
    }

    @Test(arguments: [21, 22, 23, 24, 25, 26] as [UInt64])
    func entriesDecodeToTheirPostings(seed: UInt64) {
        var random = SearchIndexTests.Random(state: seed)
        let count = random.int(1..<12_000)
        var documents = Set<Int>()
        for _ in 0..<random.int(1..<count + 1) { documents.insert(random.int(0..<count)) }
        let postings = documents.sorted().map { UInt32($0) << SearchIndex.impactBits | UInt32(random.int(0..<SearchIndex.impactLevels)) }
        let text = String(decoding: SearchIndex.entry("t", postings, count: count), as: UTF8.self)
        #expect(text.hasPrefix("\"t\":\"") && text.hasSuffix("\""))
        let decoded = SearchEntryDecoder.decode(String(text.dropFirst(5).dropLast()))
        let dense = SearchIndex.isDense(postings.count, count: count), common = SearchIndex.isCommon(postings.count, count: count)
        let expected = postings.map { posting -> (Int, Int) in
            let level = Int(posting & UInt32(SearchIndex.impactLevels - 1))
            return (Int(posting >> SearchIndex.impactBits), common ? 8 : dense ? (level >= 8 ? 12 : 5) : level)
        }
        #expect(decoded.sorted { $0.document < $1.document }.map { [$0.document, $0.level] } == expected.map { [$0.0, $0.1] })
        // Tiers highest first, each ascending.
        #expect(decoded.map(\.level) == decoded.map(\.level).sorted(by: >))
    }

    @Test func aDenseTierIsABitmapAndASparseOneAList() {
        let dense = (0..<60).map { UInt32($0) << SearchIndex.impactBits | 3 }
        let denseText = String(decoding: SearchIndex.entry("x", dense, count: 400), as: UTF8.self)
        #expect(denseText == "\"x\":\"Db" + "A" + String(repeating: "_", count: 10) + "\"")
        // In a large index a term in more than a third of the documents keeps two levels.
        let common: [UInt32] = (0..<6000).map { (n: Int) -> UInt32 in UInt32(n) << SearchIndex.impactBits | (n % 2 == 0 ? 3 : 9) }
        let commonText = String(decoding: SearchIndex.entry("m", common, count: 10_000), as: UTF8.self)
        let levels = Set(SearchEntryDecoder.decode(String(commonText.dropFirst(5).dropLast())).map(\.level))
        #expect(levels == [5, 12])
        // Its two levels are one base-3 tier, 11 documents in 3 characters: 546 groups, shorter
        // than the two bitmaps of 1,000 characters each.
        #expect(commonText.hasPrefix("\"m\":\"MtFA") && commonText.utf8.count == 5 + 4 + 546 * 3 + 1)
        // In more than two thirds of them it keeps one level: one bitmap.
        let commoner: [UInt32] = (0..<7000).map { (n: Int) -> UInt32 in UInt32(n) << SearchIndex.impactBits | (n % 2 == 0 ? 3 : 9) }
        let commonerText = String(decoding: SearchIndex.entry("m", commoner, count: 10_000), as: UTF8.self)
        #expect(commonerText == "\"m\":\"Ib" + "A" + String(repeating: "_", count: 1166) + "P\"")
        let sparse: [UInt32] = [5 << 4 | 9, 1000 << 4 | 9]
        // Gaps 5 and 994 (= 2 + 31 * 32: "i" then "f" for the high part).
        #expect(String(decoding: SearchIndex.entry("y", sparse, count: 100_000), as: UTF8.self) == "\"y\":\"JlFif\"")
    }

    /// The preview serves the index's files from it (`SearchFiles`): the same paths and texts as
    /// `files`, one document a file and several, and nothing for other spellings of a path.
    @Test(arguments: [1, 3])
    func servedFilesAreTheIndexFiles(docsPerShard: Int) throws {
        let papers = (0..<25).map { Reader.paper(String(format: "2411.%05d", $0), day: "2026-11-\(10 + $0 % 7)", title: "Paper \($0) on topic \($0 % 4)") }
        let (library, views) = Reader.views(papers)
        let index = SearchIndex(routes: Reader.routes, library: library, views: views, docsPerShard: docsPerShard)
        let served = index.servedFiles
        #expect(served.paths == index.files.map(\.path))
        for (path, text) in index.files { #expect(served.text(at: path) == text, "\(path)") }
        let docs = try #require(index.files.first { $0.path.contains("/docs/1.json") }).path
        let folder = String(docs.dropLast("docs/1.json".count))
        for path in [folder + "docs/01.json", folder + "docs/+1.json", folder + "docs/-1.json", folder + "docs/\(index.files.count).json",
                     folder + "docs/1.json.gz", folder + "terms/none.json", folder + "other.json", "docs/1.json", folder] {
            #expect(served.text(at: path) == nil, "\(path)")
        }
    }

    @Test func anEmptyLibraryHasAnIndexWithNoShards() {
        let (library, views) = Reader.views([])
        let files = SearchIndexFiles(routes: Reader.routes).files(library: library, views: views)
        #expect(files.map(\.path) == ["search/index/meta.json"])
    }
}
