import DaybookContent
import DaybookSystem
import DaybookTestSupport
import Synchronization
import Testing
@testable import DaybookRender
@testable import DaybookSearch

/// A whole index is built per core from term tables of byte strings and packed shard keys
/// (`SearchIndex.build`); it must be what the paper-at-a-time definitions give: each paper's
/// `impacts`, postings in document order, `shard(_:maxPostings:)`'s grouping and `Shard.splice`'s
/// texts, whatever the number of threads.
@Suite struct SearchIndexBuildTests {
    /// A build's index gives each document's file to the build's sink as it is made (on the
    /// threads that make them) instead of keeping it: the same files, the documents given once
    /// each and not in `files`, the other files as they were.
    @Test func documentsWrittenAsTheyAreMadeAreTheFilesTheIndexWouldHold() {
        var random = SearchIndexTests.Random(state: 7)
        let papers = (0..<1200).map { SearchIndexTests.randomPaper("w\($0)", &random) }
        let (library, views) = Reader.views(papers)
        let kept = SearchIndex(routes: Reader.routes, library: library, views: views, workers: 2, previous: nil, reuse: nil)
        let written = Mutex<[String: [UInt8]]>([:])
        let given = Mutex(0)
        let streamed = SearchIndex(routes: Reader.routes, library: library, views: views, workers: 2, previous: nil, reuse: nil,
                                   writingDocuments: { path, bytes in
                                       given.withLock { $0 += 1 }
                                       written.withLock { $0[path] = bytes }
                                   })
        let documents = kept.files.filter { $0.path.contains("/docs/") }
        #expect(documents.count == papers.count)
        #expect(given.withLock { $0 } == papers.count)
        #expect(written.withLock { $0 } == Dictionary(uniqueKeysWithValues: documents.map { ($0.path, Array($0.text.utf8)) }))
        #expect(SearchIndexTests.same(streamed.files, kept.files.filter { !$0.path.contains("/docs/") }))
        #expect(streamed.madeDocumentFileKeys.map(\.path) == kept.madeDocumentFileKeys.map(\.path))
        #expect(streamed.madeDocumentFileCount == papers.count)
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func aBuildOnSeveralThreadsIsThePaperAtATimeIndex(seed: UInt64) throws {
        var random = SearchIndexTests.Random(state: seed)
        // Over 1,500 papers, so three threads each take a run of documents.
        let papers = (0..<1600).map { SearchIndexTests.randomPaper("p\(seed)-\($0)", &random) }
        let (library, views) = Reader.views(papers)
        let maxPostings = [40, 400, 10_000][Int(seed % 3)]
        let one = SearchIndex(routes: Reader.routes, library: library, views: views, maxPostings: maxPostings, workers: 1)
        let three = SearchIndex(routes: Reader.routes, library: library, views: views, maxPostings: maxPostings, workers: 3)
        #expect(SearchIndexTests.same(one.files, three.files))

        // The definitions, one paper at a time.
        var postings: [String: [UInt32]] = [:]
        for (number, index) in one.numbers.enumerated().map({ ($1, $0) }).sorted(by: { $0.0 < $1.0 }) {
            for (term, level) in SearchIndex.impacts(library.papers[index]) {
                postings[term, default: []].append(UInt32(number) << SearchIndex.impactBits | level)
            }
        }
        #expect(three.termPostings == postings)
        var nodes: [String: SearchIndex.Node] = [:]
        for (term, list) in postings { SearchIndex.account(term, size: list.count, terms: 1, in: &nodes) }
        #expect(three.nodes.mapValues { [$0.size, $0.splittable] } == nodes.mapValues { [$0.size, $0.splittable] })
        let grouped = SearchIndex.shard(postings, maxPostings: maxPostings)
        #expect(three.shardKeys == grouped.keys.sorted())
        for (key, terms) in grouped {
            let shard = try #require(three.shards[key])
            let reference = SearchIndex.shard(terms, postings: postings, count: papers.count)
            #expect(shard.terms == reference.terms && shard.starts == reference.starts)
            #expect(Array(shard.text.utf8) == Array(reference.text.utf8), "shard \(key)")
        }
        for (number, index) in one.numbers.enumerated().map({ ($1, $0) }) {
            #expect(three.docChunks[number] == "[" + SearchIndex.document(views[index], basePathLength: three.basePathLength) + "]\n")
        }
    }

    @Test(arguments: [41, 42, 43] as [UInt64])
    func anAbstractIsCollapsedAndEscapedInOnePassAsInTwo(seed: UInt64) {
        var random = SearchIndexTests.Random(state: seed)
        let pieces = [" ", "  ", "\n", "\t", "\r\n", "a", "bc", "é", "\"", "\\", "<", "&", "\u{1}", "$x$", "Götz"]
        for _ in 0..<500 {
            let text = (0..<random.int(0..<12)).map { _ in random.pick(pieces) }.joined()
            // The definition: white space runs made one space, none at either end, then escaped.
            let collapsed = text.split(whereSeparator: { " \n\t\r".unicodeScalars.contains($0.unicodeScalars.first!) && $0.unicodeScalars.count == 1 || $0 == "\r\n" })
                .joined(separator: " ")
            var out: [UInt8] = [0x5B]
            SearchIndex.collapsingSpace(text, into: &out)
            #expect(String(decoding: out.dropFirst(), as: UTF8.self) == Escaping.json(collapsed), "\(text.debugDescription)")
        }
    }

    @Test func aTermHashesTheSameReadWithItsLastBytesInOneLoad() {
        let text = Array("abcdefghijklmnopqrstuvwxyz0123456789".utf8) + Array(repeating: 0x20, count: 8)
        text.withUnsafeBufferPointer { bytes in
            for start in 0..<20 {
                for length in 1...16 {
                    let term = UnsafeBufferPointer(rebasing: bytes[start..<start + length])
                    #expect(TermTable.hash(term, padded: true) == TermTable.hash(term))
                }
            }
        }
    }
}
