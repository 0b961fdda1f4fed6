import DaybookContent
import Foundation
import Testing
@testable import DaybookSite

@Suite struct SearchIndexWriterTests {
    func terms(_ text: String, strong: Bool = false) -> [String: Bool] {
        var out: [String: Bool] = [:]
        SearchIndex.tokenize(text, strong: strong, into: &out)
        return out
    }

    @Test func tokenizesLowercaseWordsAndSkipsStopWordsAndShortOnes() {
        #expect(terms("The Quick-Brown fox, a 3D model of x.") == ["quick": false, "brown": false, "fox": false, "3d": false, "model": false])
        #expect(terms("The Über Model", strong: true) == ["the": true, "über": true, "model": true])
    }

    @Test func aStrongOccurrenceWins() {
        var out: [String: Bool] = [:]
        SearchIndex.tokenize("attention", strong: true, into: &out)
        SearchIndex.tokenize("attention", strong: false, into: &out)
        #expect(out == ["attention": true])
    }

    @Test func writesDeltaEncodedPostingsAndDocumentsNewestFirst() throws {
        let (library, views) = Reader.views([
            Reader.paper("old", day: "2026-11-19", title: "Sparse attention", abstract: "Routing."),
            Reader.paper("new", day: "2026-11-20", upvotes: 5, title: "Dense", abstract: "Sparse routing."),
        ])
        let files = Dictionary(uniqueKeysWithValues: SearchIndexWriter(routes: Reader.routes).write(library: library, views: views).map { ($0.path, $0.text) })
        #expect(files["search/index/meta.json"] == "{\"version\":1,\"count\":2,\"docsPerShard\":500,\"shards\":[\"ad\",\"at\",\"de\",\"lo\",\"ne\",\"ol\",\"ro\",\"sp\"]}\n")
        #expect(files["search/index/docs/0.json"] == "[[\"papers/new/\",\"Dense\",\"Ada Lovelace\",\"2026-11-20\",[]],[\"papers/old/\",\"Sparse attention\",\"Ada Lovelace\",\"2026-11-19\",[]]]\n")
        // "sparse": doc 0 from the abstract (0*2+0), doc 1 in the title (delta 1, *2+1 = 3)
        #expect(files["search/index/terms/sp.json"] == "{\"sparse\":[0,3]}\n")
        #expect(files["search/index/terms/ro.json"] == "{\"routing\":[0,2]}\n")
    }

    @Test func splitsLargeShardsByOneMoreCharacter() {
        let postings: [String: [UInt32]] = ["tra": [1, 2, 3], "tre": [1, 2], "tr": [1], "ab": [1]]
        let shards = SearchIndex.shard(postings, maxPostings: 4)
        #expect(shards.mapValues { $0.sorted() } == ["tr": ["tr"], "tra": ["tra"], "tre": ["tre"], "ab": ["ab"]])
        #expect(SearchIndex.key("é2x", length: 2) == "_2")
    }

    @Test func anEmptyLibraryHasAnIndexWithNoShards() {
        let (library, views) = Reader.views([])
        let files = SearchIndexWriter(routes: Reader.routes).write(library: library, views: views)
        #expect(files.map(\.path) == ["search/index/meta.json"])
        #expect(files[0].text == "{\"version\":1,\"count\":0,\"docsPerShard\":500,\"shards\":[]}\n")
    }
}
