import DaybookContent
import DaybookTestSupport
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSearch

/// An index made from the last build's postings (`SearchIndex.Postings`) weighs only new and
/// changed papers, and must be the index a clean build makes, byte for byte.
@Suite struct SearchIndexReuseTests {
    typealias Random = SearchIndexTests.Random

    static func index(_ papers: [Paper], previous: SearchIndex.Postings? = nil, docsPerShard: Int = 1,
                      workers: Int = 2) -> SearchIndex {
        let (library, views) = Reader.views(papers)
        return SearchIndex(routes: Reader.routes, library: library, views: views, docsPerShard: docsPerShard, maxPostings: 40,
                           workers: workers, previous: previous, reuse: nil)
    }

    /// Which documents `carry` leaves to be weighed, by paper id.
    static func weighed(_ papers: [Paper], previous: SearchIndex.Postings) -> Set<String>? {
        let (library, views) = Reader.views(papers)
        let order = library.days.reversed().flatMap { library.papersByDay[$0]!.sorted().reversed() }
        guard let carried = SearchIndex.carry(previous, keys: order.map { views[$0].paperHash }, workers: 2) else { return nil }
        return Set(order.indices.filter { carried.weigh[$0] }.map { library.papers[order[$0]].id })
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func randomChangesFromTheLastPostingsMatchACleanIndex(seed: UInt64) {
        var random = Random(state: seed)
        let docsPerShard = seed % 2 == 0 ? 1 : 3
        var papers = (0..<700).map { SearchIndexTests.randomPaper("r\(seed)-\($0)", &random) }
        var previous = SearchIndexReuseTests.index(papers, docsPerShard: docsPerShard).postingsForNextBuild
        var next = 700
        for step in 0..<8 {
            var changed: Set<String> = []
            for _ in 0..<random.int(0..<6) {
                let position = random.int(0..<papers.count)
                switch random.int(0..<4) {
                case 0:  // a new paper, on a new day or an old one
                    var paper = SearchIndexTests.randomPaper("r\(seed)-\(next)", &random)
                    if random.chance(50) { paper.day = Reader.day("2026-11-2\(1 + step % 8)") }
                    next += 1
                    papers.append(paper)
                    changed.insert(paper.id)
                case 1:  // a removed paper
                    papers.remove(at: position)
                case 2:  // a paper moved to another day
                    papers[position].day = Reader.day(random.pick(SearchIndexTests.days))
                    changed.insert(papers[position].id)
                default:
                    papers[position] = SearchIndexTests.edit(papers[position], &random)
                    changed.insert(papers[position].id)
                }
            }
            let reused = SearchIndexReuseTests.index(papers, previous: previous, docsPerShard: docsPerShard)
            let clean = SearchIndexReuseTests.index(papers, docsPerShard: docsPerShard, workers: 1)
            #expect(SearchIndexTests.same(reused.files, clean.files), "step \(step)")
            #expect(reused.termPostings == clean.termPostings, "step \(step)")
            #expect(reused.postingsForNextBuild == clean.postingsForNextBuild, "step \(step)")
            // Only what changed is weighed: papers that keep their fields keep their order.
            let weighed = SearchIndexReuseTests.weighed(papers, previous: previous)
            #expect(weighed.map { $0.isSubset(of: changed) } == true, "step \(step)")
            previous = reused.postingsForNextBuild
        }
    }

    /// A build takes the postings out once the files are written: what it takes is what the
    /// index would have given, and the index holds none after.
    @Test func takingThePostingsLeavesTheIndexWithout() {
        let papers = (0..<30).map { Reader.paper("t\($0)", title: "Sparse routing \($0)", abstract: "Graph models of data.") }
        var index = SearchIndexReuseTests.index(papers)
        let expected = index.postingsForNextBuild
        let entry = index.entry
        let taken = index.takePostings()
        #expect(taken == expected)
        #expect(!taken.terms.isEmpty && taken.terms.count == taken.lists.count)
        #expect(index.postingsForNextBuild.terms.isEmpty && index.postingsForNextBuild.lists.isEmpty)
        #expect(index.postingsForNextBuild.keys == expected.keys && index.entry == entry, "keys and entry stay")
    }

    @Test(arguments: ["title", "abstract", "authors", "tags", "summary", "upvotes", "day"])
    func aChangedFieldIsWeighedAgain(field: String) {
        let papers = (0..<30).map { Reader.paper("f\($0)", title: "Sparse routing \($0)", abstract: "Graph models of data.") }
        let previous = SearchIndexReuseTests.index(papers).postingsForNextBuild
        #expect(SearchIndexReuseTests.weighed(papers, previous: previous) == [])
        var edited = papers
        switch field {
        case "title": edited[7].title = "Dense routing"
        case "abstract": edited[7].abstract = "Graph models of datasets."
        case "authors": edited[7].authors = ["Émile Borel"]
        case "tags": edited[7].tags = ["vision"]
        case "summary": edited[7].summary = "Routing, briefly."
        case "upvotes": edited[7].upvotes = 12
        default: edited[7].day = Reader.day("2026-11-19")
        }
        let weighed = SearchIndexReuseTests.weighed(edited, previous: previous)
        // A paper that moves day moves the documents after it: the others keep their order.
        #expect(weighed == ["f7"])
        #expect(SearchIndexTests.same(SearchIndexReuseTests.index(edited, previous: previous).files,
                                      SearchIndexReuseTests.index(edited).files))
    }

    @Test(arguments: ["key twice", "document out of range", "documents out of order", "term twice", "lists short"])
    func postingsThatDoNotFitAreNotUsed(damage: String) {
        let papers = (0..<20).map { Reader.paper("d\($0)", title: "Sparse routing \($0)", abstract: "Graph models of data.") }
        var previous = SearchIndexReuseTests.index(papers).postingsForNextBuild
        let term = previous.terms.firstIndex(of: "graph")!
        switch damage {
        case "key twice": previous.keys[3] = previous.keys[4]
        case "document out of range": previous.lists[term].append(UInt32(papers.count) << SearchIndex.impactBits)
        case "documents out of order": previous.lists[term].swapAt(0, 1)
        case "term twice": previous.terms[term + 1] = "graph"
        default: previous.lists.removeLast()
        }
        let keys = SearchIndexReuseTests.index(papers).keys
        #expect(SearchIndex.carry(previous, keys: keys, workers: 2) == nil)
        #expect(SearchIndexTests.same(SearchIndexReuseTests.index(papers, previous: previous).files,
                                      SearchIndexReuseTests.index(papers).files))
    }

    @Test func recordedDocumentKeysKeepTheirFilesOutOfTheIndexFiles() {
        let papers = (0..<12).map { Reader.paper("k\($0)", title: "Paper \($0)") }
        let (library, views) = Reader.views(papers)
        let first = SearchIndex(routes: Reader.routes, library: library, views: views)
        var recorded = Dictionary(uniqueKeysWithValues: first.documentFileKeys.map { ($0.path, $0.key) })
        var edited = papers
        edited[5].upvotes = 99
        let (newLibrary, newViews) = Reader.views(edited)
        // One recorded key is another file's: that file is made again.
        let path = first.documentFileKeys[0].path
        recorded[path] = recorded[first.documentFileKeys[1].path]
        let frozen = recorded
        let reused = SearchIndex(routes: Reader.routes, library: newLibrary, views: newViews, previous: first.postingsForNextBuild,
                                 reuse: PageReuse(recorded: { { frozen[$0] } }))
        let clean = SearchIndex(routes: Reader.routes, library: newLibrary, views: newViews)
        let made = Set(reused.files.map(\.path)), kept = Set(reused.keptFiles)
        let number = clean.numbers[newLibrary.papers.firstIndex { $0.id == "k5" }!]
        #expect(!kept.contains(clean.docsPath(number)) && !kept.contains(path))
        #expect(kept.count == 10 && made.isDisjoint(with: kept))
        #expect(made.union(kept) == Set(clean.files.map(\.path)))
        let cleanFiles = SearchIndexTests.dictionary(clean.files)
        for (path, text) in reused.files { #expect(cleanFiles[path] == text, "\(path)") }
        #expect(reused.documentFileKeys.map(\.key) == clean.documentFileKeys.map(\.key))
        // The made files' keys are the rest of the keys; the kept files are known by number.
        #expect(Set(reused.madeDocumentFileKeys.map(\.path)) == Set(reused.documentFileKeys.map(\.path)).subtracting(kept))
        let keptFiles = reused.keptDocumentFiles
        #expect(keptFiles.count == kept.count)
        for (path, _) in reused.documentFileKeys { #expect(keptFiles.containsFile(path) == kept.contains(path), "\(path)") }
        let docs = String(clean.docsPath(0).dropLast("0.json".count))
        for other in ["search/index.html", docs + "01.json", docs + "12.json", docs + "1.jsonx", docs + ".json", docs + "1",
                      docs + "-1.json", docs + "99999999999999999999.json", "x" + clean.docsPath(0)] {
            #expect(keptFiles.containsFile(other) == nil, "\(other)")
        }
        #expect(SearchIndex.KeptDocumentFiles().containsFile(clean.docsPath(0)) == nil)
        var copy = reused
        #expect(copy.update(old: newLibrary, new: newLibrary, views: newViews, changed: []) == nil, "kept files: no update")
    }
}
