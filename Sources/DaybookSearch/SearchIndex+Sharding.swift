import DaybookContent

/// How terms are grouped into shard files.
extension SearchIndex {
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
}
