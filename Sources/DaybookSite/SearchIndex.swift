import DaybookContent

/// The static search index under `search/index/`, built from the records (not the HTML), that
/// the preview server keeps up to date one edit at a time (`update(old:new:views:changed:)`):
///
/// - `meta.json`: `{"version":1,"count":N,"docsPerShard":D,"shards":[…]}`, the shard keys sorted;
/// - `docs/<n>.json`: documents `n*D ..< (n+1)*D` as `[path, title, authors, day, tags]`, `path`
///   relative to the site's base;
/// - `terms/<key>.json`: `{"term": [postings…]}` for the terms whose shard key is `key`, sorted.
///   Postings are ascending document numbers, delta-encoded, each times two plus one when the term
///   is in the title, an author's name, a tag or the id (a strong match) rather than only in the
///   abstract or summary.
///
/// Documents are numbered by featured day, newest first (`Library.days`), and within a day by
/// index in `Library.papers` (that is, by id), not by rank: an upvote edit renumbers nothing, and
/// an edit that keeps a paper's day changes only the postings of the terms it adds or removes. The
/// search script breaks score ties by the lower number, so newest day first.
///
/// Terms are the lowercased runs of `[a-z0-9]` and non-ASCII characters, 2 to 40 bytes long, a
/// term with non-ASCII characters in Unicode normal form C; common English words are skipped
/// unless they are strong. A term's shard key is its first two characters (`_` for anything but
/// `[a-z0-9]`); a shard with more than `maxPostings` postings is split by one more character,
/// recursively up to six, so no shard grows large at 100k papers (terms too short to split stay in
/// the shorter key's shard). The search script (`assets/search.js`) tokenizes queries the same way.
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
    /// One JSON array per document, and the `docs/<n>.json` texts made of them.
    var docs: [String]
    var docChunks: [String]
    /// Per term, its postings: `document << 1 | strong`, ascending.
    var postings: [String: [UInt32]]
    /// Totals per shard key prefix, which decide the splits (see `Node`).
    var nodes: [String: Node]
    /// Shard keys, sorted, and the shards.
    var shardKeys: [String]
    var shards: [String: Shard]
    var meta: String

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

    /// The index of every paper; `views[i]` is the view of `library.papers[i]`.
    public init(routes: Routes, library: Library, views: [PaperView], docsPerShard: Int = 500, maxPostings: Int = 30_000) {
        precondition(docsPerShard > 0 && views.count == library.papers.count)
        self.docsPerShard = docsPerShard
        self.maxPostings = maxPostings
        basePathLength = routes.basePath.utf8.count
        folder = String(routes.file(for: routes.searchIndex).dropLast("index.html".count))
        let order = library.days.flatMap { library.papersByDay[$0]!.sorted() }
        numbers = Array(repeating: 0, count: library.papers.count)
        for (number, index) in order.enumerated() { numbers[index] = number }

        docs = []
        docs.reserveCapacity(order.count)
        postings = [:]
        var terms: [String: Bool] = [:]
        for (number, index) in order.enumerated() {
            let view = views[index]
            terms.removeAll(keepingCapacity: true)
            SearchIndex.tokenize(view.paper, into: &terms)
            for (term, strong) in terms {
                postings[term, default: []].append(UInt32(number) << 1 | (strong ? 1 : 0))
            }
            docs.append(SearchIndex.document(view, basePathLength: basePathLength))
        }
        let documents = docs
        docChunks = stride(from: 0, to: documents.count, by: docsPerShard).map {
            SearchIndex.chunk(documents[$0..<min($0 + docsPerShard, documents.count)])
        }

        nodes = [:]
        for (term, list) in postings { SearchIndex.account(term, size: list.count, terms: 1, in: &nodes) }
        var grouped: [String: [String]] = [:]
        for term in postings.keys.sorted() {
            grouped[SearchIndex.shardKey(of: term, nodes: nodes, maxPostings: maxPostings), default: []].append(term)
        }
        shardKeys = grouped.keys.sorted()
        let all = postings
        shards = grouped.mapValues { SearchIndex.shard($0, postings: all) }
        meta = ""
        meta = metaText()
    }

    /// Every output file by path relative to the output folder: `docs/` in order, `terms/` by key,
    /// then `meta.json`.
    public var files: [(path: String, text: String)] {
        var out: [(path: String, text: String)] = []
        out.reserveCapacity(docChunks.count + shardKeys.count + 1)
        for (n, text) in docChunks.enumerated() { out.append((docsPath(n), text)) }
        for key in shardKeys { out.append((termsPath(key), shards[key]!.text)) }
        out.append((folder + "meta.json", meta))
        return out
    }

    /// Brings the index from `old` to `new`, which hold the same ids (so the same indices);
    /// `changed` are the indices whose paper differs, `views` are `new`'s. Returns nil, changing
    /// nothing, when a changed paper moved to another day (document numbers would move: build a
    /// new index), else the files that changed. Costs time in proportion to the changed papers'
    /// terms, those terms' postings and the shards that hold them, not to the library.
    public mutating func update(old: Library, new: Library, views: [PaperView], changed: [Int]) -> Change? {
        let count = numbers.count
        guard old.papers.count == count, new.papers.count == count, views.count == count else { return nil }
        var indices: [Int] = []
        var seen = Set<Int>()
        for index in changed where seen.insert(index).inserted {
            guard index >= 0 && index < count else { return nil }
            let before = old.papers[index], after = views[index].paper
            guard before.id == after.id, before.day == after.day, new.papers[index].day == after.day else { return nil }
            indices.append(index)
        }

        // Postings, and each touched term's count before.
        var countsBefore: [String: Int] = [:]
        var dirtyChunks = Set<Int>()
        var termsBefore: [String: Bool] = [:], termsAfter: [String: Bool] = [:]
        for index in indices {
            let number = numbers[index]
            termsBefore.removeAll(keepingCapacity: true)
            termsAfter.removeAll(keepingCapacity: true)
            SearchIndex.tokenize(old.papers[index], into: &termsBefore)
            SearchIndex.tokenize(views[index].paper, into: &termsAfter)
            for (term, strong) in termsAfter where termsBefore[term] != strong {
                if countsBefore[term] == nil { countsBefore[term] = postings[term]?.count ?? 0 }
                SearchIndex.insert(UInt32(number) << 1 | (strong ? 1 : 0), into: &postings[term, default: []])
            }
            for term in termsBefore.keys where termsAfter[term] == nil {
                guard let count = postings[term]?.count else { continue }
                if countsBefore[term] == nil { countsBefore[term] = count }
                SearchIndex.remove(document: UInt32(number), from: &postings[term]!)
                if postings[term]!.isEmpty { postings[term] = nil }
            }
            let document = SearchIndex.document(views[index], basePathLength: basePathLength)
            if document != docs[number] {
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
            edits[key, default: []].append((term, postings[term].map { SearchIndex.entry(term, $0) }))
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
                shards[key] = SearchIndex.shard(terms, postings: postings)
            }
        }

        // Texts.
        var change = Change(written: [], removed: [])
        for n in dirtyChunks.sorted() {
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

    // MARK: Sharding

    /// Whether the shard with `key`, at `level` characters, is split by one more.
    func splits(_ key: String, level: Int) -> Bool {
        SearchIndex.splits(key, level: level, nodes: nodes, maxPostings: maxPostings)
    }

    static func splits(_ key: String, level: Int, nodes: [String: Node], maxPostings: Int) -> Bool {
        guard level < 6, let node = nodes[key] else { return false }
        return node.size > maxPostings && node.splittable > 1
    }

    /// The levels whose nodes count `term`: 2, and 3 up to 5 while the term is that long (level 6
    /// never splits, so needs no totals).
    static func levels(_ term: String) -> ClosedRange<Int> {
        2...max(2, min(term.unicodeScalars.count, 5))
    }

    /// Adds `size` postings and `terms` terms (1, 0 or -1) of `term` to the totals.
    static func account(_ term: String, size: Int, terms: Int, in nodes: inout [String: Node]) {
        let length = term.unicodeScalars.count
        for level in levels(term) {
            let key = key(term, length: level)
            var node = nodes[key] ?? Node()
            node.size += size
            if length > level { node.splittable += terms }
            nodes[key] = node.size == 0 ? nil : node
        }
    }

    /// The shard that holds `term`: its key at the first level that does not split, or at its own
    /// length when that is shorter.
    static func shardKey(of term: String, nodes: [String: Node], maxPostings: Int) -> String {
        let length = term.unicodeScalars.count
        var level = 2
        while true {
            let key = key(term, length: level)
            if length <= level || !splits(key, level: level, nodes: nodes, maxPostings: maxPostings) { return key }
            level += 1
        }
    }

    /// Groups terms into shards by key, given each term's number of postings.
    static func shard(_ postings: [String: [UInt32]], maxPostings: Int) -> [String: [String]] {
        var nodes: [String: Node] = [:]
        for (term, list) in postings { account(term, size: list.count, terms: 1, in: &nodes) }
        var result: [String: [String]] = [:]
        for term in postings.keys.sorted() {
            result[shardKey(of: term, nodes: nodes, maxPostings: maxPostings), default: []].append(term)
        }
        return result
    }

    /// The existing shard keys of a group (a term's key at level 2).
    func groupKeys(_ group: String) -> [String] {
        if group.utf8.count < 2 { return shards[group] == nil ? [] : [group] }
        var low = SearchIndex.lowerBound(group, in: shardKeys)
        var out: [String] = []
        while low < shardKeys.count && shardKeys[low].hasPrefix(group) {
            out.append(shardKeys[low])
            low += 1
        }
        return out
    }

    /// The first `length` characters of a term, each `[a-z0-9]` or else `_`.
    static func key(_ term: String, length: Int) -> String {
        var out = ""
        for scalar in term.unicodeScalars.prefix(length) {
            let v = scalar.value
            out.unicodeScalars.append((v >= 97 && v <= 122) || (v >= 48 && v <= 57) ? scalar : "_")
        }
        return out
    }

    // MARK: Text

    func docsPath(_ n: Int) -> String { folder + "docs/\(n).json" }
    func termsPath(_ key: String) -> String { folder + "terms/\(key).json" }

    func metaText() -> String {
        "{\"version\":1,\"count\":\(numbers.count),\"docsPerShard\":\(docsPerShard),\"shards\":"
            + Escaping.json(shardKeys) + "}\n"
    }

    /// A shard of `terms` (sorted), its text `{` entries joined by `,\n` `}\n`.
    static func shard(_ terms: [String], postings: [String: [UInt32]]) -> Shard {
        var shard = Shard()
        shard.splice(terms.map { ($0, entry($0, postings[$0]!)) })
        return shard
    }

    static func chunk(_ documents: ArraySlice<String>) -> String {
        var out = "["
        out.reserveCapacity(documents.reduce(3) { $0 + $1.utf8.count + 1 })
        for (position, document) in documents.enumerated() {
            if position > 0 { out += "," }
            out += document
        }
        out += "]\n"
        return out
    }

    static func document(_ view: PaperView, basePathLength: Int) -> String {
        let paper = view.paper
        return "[" + Escaping.json(String(view.url.dropFirst(basePathLength))) + "," + Escaping.json(paper.title) + ","
            + Escaping.json(view.authorsShort ?? "") + "," + Escaping.json(paper.day.description) + ","
            + Escaping.json(paper.tags) + "]"
    }

    /// `"term":[…]`: the postings' document numbers as deltas, each times two plus the strong bit.
    static func entry(_ term: String, _ postings: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(term.utf8.count + 6 + postings.count * 4)
        out += Escaping.json(term).utf8
        out += [0x3A, 0x5B]
        var previous: UInt32 = 0
        var digits = [UInt8](repeating: 0, count: 10)
        for (n, posting) in postings.enumerated() {
            if n > 0 { out.append(0x2C) }
            let document = posting >> 1
            var value = (document - previous) << 1 | (posting & 1)
            previous = document
            var count = 0
            repeat {
                digits[count] = UInt8(truncatingIfNeeded: value % 10) + 0x30
                value /= 10
                count += 1
            } while value > 0
            while count > 0 {
                count -= 1
                out.append(digits[count])
            }
        }
        out.append(0x5D)
        return out
    }

    // MARK: Sorted arrays

    static func lowerBound<T: Comparable>(_ value: T, in array: [T]) -> Int {
        var low = 0, high = array.count
        while low < high {
            let mid = (low + high) / 2
            if array[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func insert<T: Comparable>(_ value: T, into array: inout [T]) {
        let position = lowerBound(value, in: array)
        if position == array.count || array[position] != value { array.insert(value, at: position) }
    }

    static func remove<T: Comparable>(_ value: T, from array: inout [T]) {
        let position = lowerBound(value, in: array)
        if position < array.count && array[position] == value { array.remove(at: position) }
    }

    /// Adds or replaces the posting for its document.
    static func insert(_ posting: UInt32, into postings: inout [UInt32]) {
        let position = lowerBound(posting & ~1, in: postings)
        if position < postings.count && postings[position] >> 1 == posting >> 1 {
            postings[position] = posting
        } else {
            postings.insert(posting, at: position)
        }
    }

    static func remove(document: UInt32, from postings: inout [UInt32]) {
        let position = lowerBound(document << 1, in: postings)
        if position < postings.count && postings[position] >> 1 == document { postings.remove(at: position) }
    }

    // MARK: Terms

    /// The terms of a paper: title, authors, tags and id strong; abstract and summary not.
    static func tokenize(_ paper: Paper, into terms: inout [String: Bool]) {
        tokenize(paper.title, strong: true, into: &terms)
        for author in paper.authors { tokenize(author, strong: true, into: &terms) }
        for tag in paper.tags { tokenize(tag, strong: true, into: &terms) }
        tokenize(paper.id, strong: true, into: &terms)
        tokenize(paper.abstract, strong: false, into: &terms)
        if let summary = paper.summary { tokenize(summary, strong: false, into: &terms) }
    }

    /// Adds the terms of `text` to `terms`; a term once strong stays strong.
    static func tokenize(_ text: String, strong: Bool, into terms: inout [String: Bool]) {
        var utf8 = Array(text.utf8)
        var start = -1
        var hasNonASCII = false
        utf8.append(0x20)
        for position in utf8.indices {
            var byte = utf8[position]
            if byte >= 0x41 && byte <= 0x5A { byte += 32; utf8[position] = byte }
            let inWord = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
            if inWord {
                if start < 0 { start = position; hasNonASCII = false }
                if byte >= 0x80 { hasNonASCII = true }
            } else if start >= 0 {
                let length = position - start
                if length >= 2 && length <= 40 {
                    var term = String(decoding: utf8[start..<position], as: UTF8.self)
                    // Normal form C: Swift strings that are canonically equivalent are equal, so
                    // `é` and `e` + U+0301 are one term; one spelling keeps its bytes the same
                    // whichever paper has it first.
                    if hasNonASCII { term = String(decoding: term.lowercased()._nfcCodeUnits, as: UTF8.self) }
                    if strong || !stopWords.contains(term) {
                        if strong { terms[term] = true } else if terms[term] == nil { terms[term] = false }
                    }
                }
                start = -1
            }
        }
    }

    static let stopWords: Set<String> = [
        "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from", "has", "have",
        "in", "into", "is", "it", "its", "of", "on", "or", "our", "such", "than", "that", "the", "their",
        "these", "this", "those", "to", "was", "we", "were", "which", "while", "with",
    ]
}

extension SearchIndex.Shard {
    /// Replaces, adds (`entry`) or removes (nil) the entries of `edits`' terms, sorted and each
    /// once: copies the unchanged runs of the text between them whole, so the cost is the text's
    /// length plus the edits, not a lookup per term.
    mutating func splice(_ edits: [(term: String, entry: [UInt8]?)]) {
        var terms: [String] = []
        var starts: [Int] = []
        var out: [UInt8] = []
        terms.reserveCapacity(self.terms.count + edits.count)
        starts.reserveCapacity(self.terms.count + edits.count)
        out.reserveCapacity(text.utf8.count + edits.reduce(4) { $0 + ($1.entry?.count ?? 0) + 2 })
        out.append(0x7B)
        let oldTerms = self.terms, oldStarts = self.starts
        text.withUTF8 { bytes in
            // The entries `from..<to` of the old text, as one run.
            func copy(_ from: Int, _ to: Int) {
                guard from < to else { return }
                if !terms.isEmpty { out += [0x2C, 0x0A] }
                let end = to < oldTerms.count ? oldStarts[to] - 2 : bytes.count - 2
                let shift = out.count - oldStarts[from]
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[oldStarts[from]..<end]))
                for position in from..<to { starts.append(oldStarts[position] + shift) }
                terms.append(contentsOf: oldTerms[from..<to])
            }
            var next = 0
            for edit in edits {
                let position = SearchIndex.lowerBound(edit.term, in: oldTerms)
                copy(next, position)
                next = position < oldTerms.count && oldTerms[position] == edit.term ? position + 1 : position
                if let entry = edit.entry {
                    if !terms.isEmpty { out += [0x2C, 0x0A] }
                    starts.append(out.count)
                    terms.append(edit.term)
                    out += entry
                }
            }
            copy(next, oldTerms.count)
        }
        out += [0x7D, 0x0A]
        self.terms = terms
        self.starts = starts
        text = String(decoding: out, as: UTF8.self)
    }
}
