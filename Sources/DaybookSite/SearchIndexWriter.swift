import DaybookContent

/// Writes the static search index under `search/index/`, from the records (not the HTML):
///
/// - `meta.json`: `{"version":1,"count":N,"docsPerShard":D,"shards":[…]}`, the shard keys sorted;
/// - `docs/<n>.json`: documents `n*D ..< (n+1)*D` as `[path, title, authors, day, tags]`, `path`
///   relative to the site's base; documents are numbered newest day first, ranked within a day;
/// - `terms/<key>.json`: `{"term": [postings…]}` for the terms whose shard key is `key`. Postings
///   are ascending document numbers, delta-encoded, each times two plus one when the term is in the
///   title, an author's name or a tag (a strong match) rather than only in the abstract.
///
/// Terms are the lowercased runs of `[a-z0-9]` and non-ASCII characters, 2 to 40 bytes long;
/// common English words are skipped unless they are strong. A term's shard key is its first two
/// characters (`_` for anything but `[a-z0-9]`); a shard with more than `maxPostings` postings is
/// split by one more character, recursively, so no shard grows large at 100k papers. The search
/// script (`assets/search.js`) tokenizes queries the same way.
public struct SearchIndexWriter: Sendable {
    public let routes: Routes
    public var docsPerShard = 500
    public var maxPostings = 30_000

    public init(routes: Routes) {
        self.routes = routes
    }

    /// Output files by path relative to the output folder, in a fixed order.
    public func write(library: Library, views: [PaperView]) -> [(path: String, text: String)] {
        let order = library.newest(library.papers.count)
        let folder = routes.file(for: routes.searchIndex).dropLast("index.html".count)
        var files: [(path: String, text: String)] = []
        var postings: [String: [UInt32]] = [:]
        var docShard = "["
        var terms: [String: Bool] = [:]
        for (number, index) in order.enumerated() {
            let view = views[index]
            let paper = view.paper
            terms.removeAll(keepingCapacity: true)
            SearchIndexWriter.tokenize(paper.title, strong: true, into: &terms)
            for author in paper.authors { SearchIndexWriter.tokenize(author, strong: true, into: &terms) }
            for tag in paper.tags { SearchIndexWriter.tokenize(tag, strong: true, into: &terms) }
            SearchIndexWriter.tokenize(paper.id, strong: true, into: &terms)
            SearchIndexWriter.tokenize(paper.abstract, strong: false, into: &terms)
            if let summary = paper.summary { SearchIndexWriter.tokenize(summary, strong: false, into: &terms) }
            for (term, strong) in terms {
                postings[term, default: []].append(UInt32(number) << 1 | (strong ? 1 : 0))
            }
            if number % docsPerShard != 0 { docShard += "," }
            docShard += "[" + Escaping.json(String(view.url.dropFirst(routes.basePath.utf8.count))) + ","
                + Escaping.json(paper.title) + "," + Escaping.json(view.authorsShort ?? "") + ","
                + Escaping.json(paper.day.description) + "," + Escaping.json(paper.tags) + "]"
            if number % docsPerShard == docsPerShard - 1 || number == order.count - 1 {
                files.append((folder + "docs/\(number / docsPerShard).json", docShard + "]\n"))
                docShard = "["
            }
        }
        let shards = SearchIndexWriter.shard(postings, maxPostings: maxPostings)
        for key in shards.keys.sorted() {
            var out = "{"
            for (position, term) in shards[key]!.sorted().enumerated() {
                if position > 0 { out += ",\n" }
                out += Escaping.json(term) + ":["
                var previous: UInt32 = 0
                for (n, posting) in postings[term]!.enumerated() {
                    let doc = posting >> 1
                    if n > 0 { out += "," }
                    out += String((doc - previous) << 1 | (posting & 1))
                    previous = doc
                }
                out += "]"
            }
            files.append((folder + "terms/\(key).json", out + "}\n"))
        }
        let meta = "{\"version\":1,\"count\":\(order.count),\"docsPerShard\":\(docsPerShard),\"shards\":"
            + Escaping.json(shards.keys.sorted()) + "}\n"
        files.append((folder + "meta.json", meta))
        return files
    }

    /// Groups terms into shards by key, splitting any shard over `maxPostings` postings by one
    /// more character (terms too short to split stay in the shorter key's shard).
    static func shard(_ postings: [String: [UInt32]], maxPostings: Int) -> [String: [String]] {
        var result: [String: [String]] = [:]
        func place(_ terms: [String], length: Int) {
            var groups: [String: [String]] = [:]
            for term in terms { groups[key(term, length: length), default: []].append(term) }
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
        return result
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
                    if hasNonASCII { term = term.lowercased() }
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
