import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSystem

/// The static search index under `search/index/`, built from the records (not the HTML), that
/// the preview server keeps up to date one edit at a time (`update(old:new:views:changed:)`):
///
/// - `meta.json`: `{"version":4,"count":N,"docsPerShard":D,"impactLevels":16,"stopWords":[…],
///   "shards":[…]}`, the stop words and shard keys sorted (the search script takes its stop words
///   from here, so they have one source);
/// - `docs/<n>.json`: documents `n*D ..< (n+1)*D` as `[path, title, authors, day, tags, upvotes,
///   abstract]`, `path` relative to the site's base; one a file by default (D = 1), so the first
///   screen of results fetches its own papers and no neighbours, however far apart they are;
/// - `terms/<key>.json`: `{"term":"tiers", …}` for the terms whose shard key is `key`, sorted;
///   the tiers are the term's documents by impact level, a BM25F weight of the term in the paper
///   (see `impacts(_:)` and `entry(_:_:count:)`).
///
/// Documents are numbered by featured day, oldest first, and within a day by index in
/// `Library.papers` (that is, by id) from the last, not by rank: an upvote edit renumbers nothing,
/// an edit that keeps a paper's day changes only the postings of the terms it adds or removes,
/// and a new day (the daily job) appends documents, so the documents and postings of every older
/// day keep their numbers and their files their bytes. The search script breaks score ties by
/// the higher number, so newest day first, then by id.
///
/// Terms: see `SearchIndex+Terms.swift` (folded case and accents, the id as one term too); stop
/// words are skipped in abstracts and summaries only. A term's shard key is its first two characters
/// (`_` for anything but `[a-z0-9]`); a shard with more than `maxPostings` postings is split by one
/// more character, recursively up to six, so no shard grows large at 100k papers (terms too short
/// to split stay in the shorter key's shard). The search script (`assets/search.js`) tokenizes
/// queries the same way and matches every word as a prefix, folding plurals.
///
/// How a term is sharded depends only on the terms sharing its first two characters (its group),
/// through per-prefix totals (`nodes`), so an update re-shards only a group where a split decision
/// flipped, and otherwise splices the changed terms' entries into the shards that hold them.
public struct SearchIndex: Sendable {
    /// What an update changed: files whose text changed or that are new, and files that are gone
    /// (a shard key that re-sharding dropped). Paths are relative to the output folder.
    public struct Change: Sendable {
        public var written: [(path: String, text: String)]
        public var removed: [String]
    }

    public let docsPerShard: Int
    public let maxPostings: Int
    let basePathLength: Int
    /// `search/index/`
    let folder: String
    /// Document number by paper index.
    var numbers: [Int]
    /// The `docs/<n>.json` texts, and the JSON array of each document they are made of when a file
    /// holds more than one (with one document a file, its file's text is `[document]` and `docs`
    /// is empty).
    var docChunks: [String]
    var docs: [String]
    /// Per document number, its paper's `paperHash`, and its file's `documentKey` (one document a
    /// file only, else empty).
    var keys: [UInt64]
    var documentKeys: [UInt64]
    /// Documents whose file was kept as it is on disk, not made (their `docChunks` are empty).
    let keptDocuments: [Int]
    /// Per term, its postings: `document << impactBits | level`, ascending. Filled by the first
    /// `update` (a whole build looks up no term): until then `builtPostings` holds them, in term order.
    var postings: [String: [UInt32]] = [:]
    var builtPostings: (terms: [String], lists: [[UInt32]])?
    /// Totals per shard key prefix, which decide the splits (see `Node`).
    var nodes: [String: Node]
    /// Shard keys, sorted, and the shards.
    var shardKeys: [String]
    var shards: [String: Shard]
    var meta: String

    /// The index's entry, `meta.json`'s text (with its final newline): the search page carries it
    /// (`SiteRenderer.searchEntry`), so its script can ask for a query's term shards at once.
    public var entry: String { meta }

    /// One `terms/<key>.json`: its terms, sorted, where each term's entry (`"term":[…]`) starts in
    /// the text, and the text.
    struct Shard: Sendable {
        var terms: [String] = []
        var starts: [Int] = []
        var text = ""
    }

    /// The terms whose key at a level (`key(term, length: level)`) is a prefix: those a shard
    /// split at the level above passes down (all of them at level 2), their postings in `size`
    /// and how many are longer than the level (could be split further) in `splittable`.
    struct Node: Sendable {
        var size = 0
        var splittable = 0
    }

    /// The index of every paper; `views[i]` is the view of `library.papers[i]`. Made on `workers`
    /// threads (default: one per core; see `build`); the index does not depend on how many.
    public init(routes: Routes, library: Library, views: [PaperView], docsPerShard: Int = 1, maxPostings: Int = 10_000,
                workers: Int? = nil) {
        self.init(routes: routes, library: library, views: views, docsPerShard: docsPerShard, maxPostings: maxPostings,
                  workers: workers, previous: nil, reuse: nil)
    }

    /// The same index, taking what it can from the last build (see `SearchIndex+Reuse.swift`):
    /// the postings of the documents whose papers are in `previous`, and, one document a file,
    /// leaving out of `files` each `docs/<n>.json` whose key `reuse` recorded is its key now
    /// (`keptFiles`). Such an index writes its files once: `update` does not take it.
    ///
    /// `documents`: one document a file, the texts of the previous index in memory (the
    /// preview's, `documentsByKey`), taken for documents whose key is the same instead of made.
    /// `writingDocuments`: one document a file, where each `docs/<n>.json` made goes as soon as it
    /// is made (path relative to the output folder, bytes), on any thread, instead of being kept
    /// for `files` (a build's sink: 100,000 documents are not held at once).
    package init(routes: Routes, library: Library, views: [PaperView], docsPerShard: Int = 1, maxPostings: Int = 10_000,
                 workers: Int? = nil, previous: Postings?, reuse: PageReuse?, documents: [UInt64: String] = [:],
                 writingDocuments: (@Sendable (String, [UInt8]) -> Void)? = nil) {
        precondition(docsPerShard > 0 && views.count == library.papers.count)
        self.docsPerShard = docsPerShard
        self.maxPostings = maxPostings
        basePathLength = routes.basePath.utf8.count
        folder = String(routes.file(for: routes.searchIndex).dropLast("index.html".count))
        let order = library.days.reversed().flatMap { library.papersByDay[$0]!.sorted().reversed() }
        numbers = Array(repeating: 0, count: library.papers.count)
        for (number, index) in order.enumerated() { numbers[index] = number }
        let keys = order.map { views[$0].paperHash }
        let documentKeys = docsPerShard == 1 ? order.map { SearchIndex.documentKey(views[$0]) } : []
        let folder = folder
        let kept: [Bool] = reuse.map { reuse in
            let recorded = reuse.recordedKeys()
            return documentKeys.indices.map { recorded(folder + "docs/\($0).json") == documentKeys[$0] }
        } ?? []
        let given = documents.isEmpty ? [] : documentKeys.map { documents[$0] }
        self.keys = keys
        self.documentKeys = documentKeys

        // Documents kept on disk or given are not made.
        let skipped = given.isEmpty ? kept : given.indices.map { given[$0] != nil || (!kept.isEmpty && kept[$0]) }
        var writing: (@Sendable (Int, [UInt8]) -> Void)?
        if let writingDocuments {
            let documentsFolder = folder + "docs/"
            writing = { number, bytes in writingDocuments(documentsFolder + "\(number).json", bytes) }
        }
        var built = SearchIndex.build(views: views, order: order, basePathLength: basePathLength, docsPerShard: docsPerShard,
                                      maxPostings: maxPostings, workers: workers ?? ParallelWork.workers,
                                      previous: previous.map { ($0, keys) }, kept: skipped, writing: writing)
        for (number, text) in given.enumerated() where text != nil && (kept.isEmpty || !kept[number]) {
            built.docChunks[number] = text!
        }
        docs = built.docs
        docChunks = built.docChunks
        keptDocuments = kept.indices.filter { kept[$0] }
        builtPostings = built.postings
        nodes = built.nodes
        shardKeys = built.shardKeys
        shards = built.shards
        meta = ""
        meta = metaText()
    }

    /// Every term's postings (`postings`, or the built ones before the first update).
    var termPostings: [String: [UInt32]] {
        builtPostings.map { Dictionary(uniqueKeysWithValues: zip($0.terms, $0.lists)) } ?? postings
    }

    /// Every output file by path relative to the output folder: `docs/` in order (but those kept
    /// on disk, and those given to `writingDocuments` as they were made), `terms/` by key, then
    /// `meta.json`; none once `dropFileTexts` has run.
    public var files: [(path: String, text: String)] {
        var out: [(path: String, text: String)] = []
        out.reserveCapacity(docChunks.count + shardKeys.count + 1)
        for (n, text) in docChunks.enumerated() where !text.isEmpty { out.append((docsPath(n), text)) }
        for key in shardKeys { out.append((termsPath(key), shards[key]!.text)) }
        out.append((folder + "meta.json", meta))
        return out
    }

    /// Lets go of the files' texts (documents and shards), once a build has written them: the
    /// index then has no `files` to give and cannot be updated; its postings, keys and entry stay.
    package mutating func dropFileTexts() {
        docChunks = []
        docs = []
        shards = [:]
        shardKeys = []
    }

    /// Brings the index from `old` to `new`, which hold the same ids (so the same indices);
    /// `changed` are the indices whose paper differs, `views` are `new`'s. Returns nil, changing
    /// nothing, when a changed paper moved to another day (document numbers would move: build a
    /// new index), else the files that changed. Costs time in proportion to the changed papers'
    /// terms, those terms' postings and the shards that hold them, not to the library.
    public mutating func update(old: Library, new: Library, views: [PaperView], changed: [Int]) -> Change? {
        let count = numbers.count
        guard keptDocuments.isEmpty, old.papers.count == count, new.papers.count == count, views.count == count else { return nil }
        var indices: [Int] = []
        var seen = Set<Int>()
        for index in changed where seen.insert(index).inserted {
            guard index >= 0 && index < count else { return nil }
            let before = old.papers[index], after = views[index].paper
            guard before.id == after.id, before.day == after.day, new.papers[index].day == after.day else { return nil }
            indices.append(index)
        }

        if let built = builtPostings {
            postings = Dictionary(uniqueKeysWithValues: zip(built.terms, built.lists))
            builtPostings = nil
        }

        // Postings, and each touched term's count before.
        var countsBefore: [String: Int] = [:]
        var dirtyChunks = Set<Int>()
        for index in indices {
            let number = numbers[index]
            let termsBefore = SearchIndex.impacts(old.papers[index])
            let termsAfter = SearchIndex.impacts(views[index].paper)
            for (term, level) in termsAfter where termsBefore[term] != level {
                if countsBefore[term] == nil { countsBefore[term] = postings[term]?.count ?? 0 }
                SearchIndex.insert(UInt32(number) << SearchIndex.impactBits | level, into: &postings[term, default: []])
            }
            for term in termsBefore.keys where termsAfter[term] == nil {
                guard let count = postings[term]?.count else { continue }
                if countsBefore[term] == nil { countsBefore[term] = count }
                SearchIndex.remove(document: UInt32(number), from: &postings[term]!)
                if postings[term]!.isEmpty { postings[term] = nil }
            }
            keys[number] = views[index].paperHash
            if docsPerShard == 1 { documentKeys[number] = SearchIndex.documentKey(views[index]) }
            let document = SearchIndex.document(views[index], basePathLength: basePathLength)
            if docsPerShard == 1 {
                let text = SearchIndex.chunk([document][...])
                if text != docChunks[number] {
                    docChunks[number] = text
                    dirtyChunks.insert(number)
                }
            } else if document != docs[number] {
                docs[number] = document
                dirtyChunks.insert(number / docsPerShard)
            }
        }

        // Prefix totals; a group where a split decision flipped is re-sharded whole.
        var decided: [String: (level: Int, splits: Bool)] = [:]
        for (term, before) in countsBefore {
            let after = postings[term]?.count ?? 0
            guard after != before else { continue }
            for level in SearchIndex.levels(term) {
                let key = SearchIndex.key(term, length: level)
                if decided[key] == nil { decided[key] = (level, splits(key, level: level)) }
            }
            SearchIndex.account(term, size: after - before, terms: (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0), in: &nodes)
        }
        var flipped = Set<String>()
        for (key, decision) in decided where splits(key, level: decision.level) != decision.splits {
            flipped.insert(String(key.unicodeScalars.prefix(2)))
        }

        // Shards. `touched` holds each touched shard's text before (nil: it is new).
        var touched: [String: String?] = [:]
        func touch(_ key: String) {
            if touched[key] == nil { touched[key] = .some(shards[key]?.text) }
        }
        var edits: [String: [(term: String, entry: [UInt8]?)]] = [:]
        var addedByGroup: [String: [String]] = [:]
        for (term, before) in countsBefore {
            let after = postings[term]?.count ?? 0
            let group = SearchIndex.key(term, length: 2)
            if flipped.contains(group) {
                if before == 0 && after > 0 { addedByGroup[group, default: []].append(term) }
                continue
            }
            guard before > 0 || after > 0 else { continue }
            let key = SearchIndex.shardKey(of: term, nodes: nodes, maxPostings: maxPostings)
            touch(key)
            edits[key, default: []].append((term, postings[term].map { SearchIndex.entry(term, $0, count: count) }))
        }
        for (key, list) in edits {
            shards[key, default: Shard()].splice(list.sorted { $0.term < $1.term })
            if shards[key]!.terms.isEmpty { shards[key] = nil }
        }
        for group in flipped {
            let keys = groupKeys(group)
            var terms = keys.flatMap { shards[$0]!.terms }.filter { postings[$0] != nil }
            terms += addedByGroup[group] ?? []
            terms.sort()
            var grouped: [String: [String]] = [:]
            for term in terms {
                grouped[SearchIndex.shardKey(of: term, nodes: nodes, maxPostings: maxPostings), default: []].append(term)
            }
            for key in keys {
                touch(key)
                shards[key] = nil
            }
            for (key, terms) in grouped {
                touch(key)
                shards[key] = SearchIndex.shard(terms, postings: postings, count: count)
            }
        }

        // Texts.
        var change = Change(written: [], removed: [])
        for n in dirtyChunks.sorted() {
            if docsPerShard == 1 {
                change.written.append((docsPath(n), docChunks[n]))
                continue
            }
            let text = SearchIndex.chunk(docs[n * docsPerShard..<min((n + 1) * docsPerShard, docs.count)])
            if text != docChunks[n] {
                docChunks[n] = text
                change.written.append((docsPath(n), text))
            }
        }
        var keysChanged = false
        for (key, before) in touched.sorted(by: { $0.key < $1.key }) {
            if let text = shards[key]?.text {
                if before == nil {
                    SearchIndex.insert(key, into: &shardKeys)
                    keysChanged = true
                }
                if text != before { change.written.append((termsPath(key), text)) }
            } else if before != nil {
                SearchIndex.remove(key, from: &shardKeys)
                keysChanged = true
                change.removed.append(termsPath(key))
            }
        }
        if keysChanged {
            let text = metaText()
            if text != meta {
                meta = text
                change.written.append((folder + "meta.json", text))
            }
        }
        return change
    }
}
