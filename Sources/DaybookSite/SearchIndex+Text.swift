import DaybookContent

/// The index's file texts, and the sorted-array helpers the postings use.
extension SearchIndex {
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
