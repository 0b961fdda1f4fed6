import DaybookRender
import DaybookSystem
import Foundation

/// Building a whole index: the papers split into one run of documents per core (`PaperBatch`),
/// their term tables merged, the terms sorted as bytes, sharded by packed integer keys, and the
/// shard texts written on every core. The result is what adding the papers one by one and
/// sharding with `shardKey(of:nodes:maxPostings:)` would give, byte for byte.
extension SearchIndex {
    /// What `init` keeps.
    struct Built {
        var docs: [String] = []
        var docChunks: [String] = []
        /// The terms, sorted, and their postings.
        var postings: (terms: [String], lists: [[UInt32]]) = ([], [])
        var nodes: [String: Node] = [:]
        var shardKeys: [String] = []
        var shards: [String: Shard] = [:]
    }

    /// With `previous` (the last build's postings, and every document's paper hash now), only
    /// the documents not in it are weighed (see `carry`); documents whose `kept` is true are not
    /// made (their `docChunks` are empty). With `writing` (one document a file), each document's
    /// file is given to it as it is made, by number, and not kept either.
    static func build(views: [PaperView], order: [Int], basePathLength: Int, docsPerShard: Int, maxPostings: Int,
                      workers: Int, previous: (postings: Postings, keys: [UInt64])? = nil, kept: [Bool] = [],
                      writing: (@Sendable (Int, [UInt8]) -> Void)? = nil) -> Built {
        var built = Built()
        let count = order.count
        let carried = previous.flatMap { carry($0.postings, keys: $0.keys, workers: workers) }
        let weighs = carried?.weigh
        // The documents to weigh or make.
        let work = kept.isEmpty ? Array(0..<count) : (0..<count).filter { weighs?[$0] ?? true || !kept[$0] }
        // Runs of at least 500 documents, so small sites stay on one thread.
        let runs = max(1, min(workers, work.count / 500))
        let bounds = (0...runs).map { work.count * $0 / runs }
        var batches = Array(0..<runs).parallelMap(workers: runs) { run in
            var batch = PaperBatch(basePathLength: basePathLength, chunkEach: docsPerShard == 1, writing: writing)
            for number in work[bounds[run]..<bounds[run + 1]] {
                batch.add(views[order[number]], number: number, terms: weighs?[number] ?? true, document: kept.isEmpty || !kept[number])
            }
            return batch
        }

        // One table: the first batch's (or the carried one), with the others' terms added and
        // their postings merged.
        var table = carried?.table ?? TermTable(capacity: 0)
        var lists: [[UInt32]] = carried?.lists ?? []
        if docsPerShard == 1 { built.docChunks = Array(repeating: "", count: count) } else { built.docs = Array(repeating: "", count: count) }
        for index in batches.indices {
            // Taken out of the array, so the table and lists taken from it are not copied on change.
            let batch = batches[index]
            batches[index] = PaperBatch(basePathLength: 0, chunkEach: false)
            for (number, chunk) in zip(batch.documentNumbers, batch.chunks) { built.docChunks[number] = chunk }
            for (number, document) in zip(batch.documentNumbers, batch.documents) { built.docs[number] = document }
            if index == 0 && carried == nil {
                table = batch.terms
                lists = batch.postings
                continue
            }
            for local in 0..<batch.terms.count where !batch.postings[local].isEmpty {
                let id = batch.terms.withBytes(local) { table.id(of: $0) }
                if id == lists.count { lists.append(batch.postings[local]) } else { merge(batch.postings[local], into: &lists[id]) }
            }
        }
        if docsPerShard != 1 {
            built.docChunks = stride(from: 0, to: count, by: docsPerShard).map {
                chunk(built.docs[$0..<min($0 + docsPerShard, count)])
            }
        }

        // Terms in `String` order, which for these (NFC) strings is the order of their UTF-8 bytes:
        // by their first eight bytes as a number (terms hold no zero byte, so a shorter one is
        // smaller), the rest compared only on a tie.
        var sorted = lists.indices.filter { !lists[$0].isEmpty }
        let heads = table.bytes.withUnsafeBufferPointer { bytes in
            (0..<table.count).map { id -> UInt64 in
                var head: UInt64 = 0
                let range = table.range(of: id)
                for (shift, byte) in zip(stride(from: 56, through: 0, by: -8), bytes[range]) { head |= UInt64(byte) << UInt64(shift) }
                return head
            }
        }
        table.bytes.withUnsafeBufferPointer { bytes in
            sorted.sort { a, b in
                if heads[a] != heads[b] { return heads[a] < heads[b] }
                let x = table.range(of: a), y = table.range(of: b)
                let common = min(x.count, y.count)
                let order = memcmp(bytes.baseAddress! + x.lowerBound, bytes.baseAddress! + y.lowerBound, common)
                return order != 0 ? order < 0 : x.count < y.count
            }
        }
        let terms = sorted.map { table.string($0) }
        built.postings = (terms, sorted.map { lists[$0] })

        // Shard keys.
        let keys = sorted.map { table.withBytes($0, PackedKey.init) }
        var nodes: [UInt64: Node] = [:]
        for (key, id) in zip(keys, sorted) {
            let size = lists[id].count
            for level in 2...max(2, min(key.length, 5)) {
                nodes[key.prefix(level), default: Node()].size += size
                if key.length > level { nodes[key.prefix(level), default: Node()].splittable += 1 }
            }
        }
        var grouped: [UInt64: [Int]] = [:]
        for (position, key) in keys.enumerated() {
            var level = 2
            while true {
                let prefix = key.prefix(level)
                if key.length <= level || level >= 6 { break }
                guard let node = nodes[prefix], node.size > maxPostings && node.splittable > 1 else { break }
                level += 1
            }
            grouped[key.prefix(level), default: []].append(position)
        }
        built.nodes.reserveCapacity(nodes.count)
        for (key, node) in nodes { built.nodes[PackedKey.string(key)] = node }
        let groups = grouped.map { (key: PackedKey.string($0.key), positions: $0.value) }.sorted { $0.key < $1.key }
        built.shardKeys = groups.map(\.key)

        let shards = shardTexts(groups.map(\.positions), terms: terms, ids: sorted, table: table, lists: lists, count: count,
                                workers: workers)
        built.shards.reserveCapacity(groups.count)
        for (group, shard) in zip(groups, shards) { built.shards[group.key] = shard }
        return built
    }
}

extension SearchIndex {
    /// The shards of `groups` (positions in `terms`, sorted), on every core: term `terms[p]` is
    /// `table`'s `ids[p]`, with postings `lists[ids[p]]`.
    static func shardTexts(_ groups: [[Int]], terms: [String], ids: [Int], table: TermTable, lists: [[UInt32]], count: Int,
                           workers: Int) -> [Shard] {
        groups.parallelMap(workers: workers) { positions in
            var shard = Shard()
            var out: [UInt8] = [0x7B], scratch: [Int] = []
            shard.terms.reserveCapacity(positions.count)
            shard.starts.reserveCapacity(positions.count)
            for position in positions {
                if out.count > 1 { out += [0x2C, 0x0A] }
                shard.starts.append(out.count)
                shard.terms.append(terms[position])
                let id = ids[position]
                table.withBytes(id) { entry($0, lists[id], count: count, into: &out, scratch: &scratch) }
            }
            out += [0x7D, 0x0A]
            shard.text = String(decoding: out, as: UTF8.self)
            return shard
        }
    }
}

/// A term's shard key at six characters (`SearchIndex.key(_:length:)`, each character `[a-z0-9]`
/// or `_`) packed in an integer, with the term's length in characters: its key at a shorter level
/// is a prefix of it, with no `String` made.
struct PackedKey {
    /// Up to six key bytes, the first lowest.
    var bytes: UInt64 = 0
    /// The term's length in Unicode scalars.
    var length = 0

    init(_ term: UnsafeBufferPointer<UInt8>) {
        for byte in term where byte & 0xC0 != 0x80 {
            if length < 6 {
                let mapped = (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) ? byte : UInt8(ascii: "_")
                bytes |= UInt64(mapped) << (8 * UInt64(length))
            }
            length += 1
        }
    }

    /// The key at `level` characters (fewer when the term is shorter), its length in the top byte.
    func prefix(_ level: Int) -> UInt64 {
        let size = min(level, length, 6)
        return bytes & ((1 << (8 * UInt64(size))) - 1) | UInt64(size) << 56
    }

    static func string(_ key: UInt64) -> String {
        let size = Int(key >> 56)
        return String(decoding: (0..<size).map { UInt8(truncatingIfNeeded: key >> (8 * UInt64($0))) }, as: UTF8.self)
    }
}
