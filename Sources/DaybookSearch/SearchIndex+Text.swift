import DaybookContent
import DaybookRender
import DaybookSystem

/// The index's file texts, and the sorted-array helpers the postings use.
extension SearchIndex {
    func docsPath(_ n: Int) -> String { folder + "docs/\(n).json" }
    func termsPath(_ key: String) -> String { folder + "terms/\(key).json" }

    func metaText() -> String {
        "{\"version\":4,\"count\":\(numbers.count),\"docsPerShard\":\(docsPerShard),\"impactLevels\":\(SearchIndex.impactLevels),"
            + "\"stopWords\":" + Escaping.json(SearchIndex.stopWords.sorted()) + ",\"shards\":" + Escaping.json(shardKeys) + "}\n"
    }

    /// A shard of `terms` (sorted), its text `{` entries joined by `,\n` `}\n`.
    static func shard(_ terms: [String], postings: [String: [UInt32]], count: Int) -> Shard {
        var shard = Shard()
        shard.splice(terms.map { ($0, entry($0, postings[$0]!, count: count)) })
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

    /// `[path, title, authors, day, tags, upvotes, abstract]`, title and abstract as the pages show
    /// them (TeX text mode converted, math as written), the abstract's white space runs made single
    /// spaces (the search script cuts its snippet from it).
    static func document(_ view: PaperView, basePathLength: Int) -> String {
        var out: [UInt8] = []
        document(view, abstract: searchText(view.paper.abstract), basePathLength: basePathLength, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `document(_:basePathLength:)`'s bytes to `out`, given the abstract's `searchText`.
    static func document(_ view: PaperView, abstract: String, basePathLength: Int, into out: inout [UInt8]) {
        let paper = view.paper
        out.append(0x5B)
        Escaping.json(view.url.dropFirst(basePathLength).utf8, into: &out)
        out.append(0x2C)
        Escaping.json(view.title.utf8, into: &out)
        out.append(0x2C)
        Escaping.json((view.authorsShort ?? "").utf8, into: &out)
        out.append(0x2C)
        Escaping.json(paper.day.description.utf8, into: &out)
        out += [0x2C, 0x5B]
        for (position, tag) in paper.tags.enumerated() {
            if position > 0 { out.append(0x2C) }
            Escaping.json(tag.utf8, into: &out)
        }
        out += [0x5D, 0x2C]
        out += String(paper.upvotes ?? 0).utf8
        out.append(0x2C)
        collapsingSpace(abstract, into: &out)
        out.append(0x5D)
    }

    /// Appends the JSON string of `text` with its runs of white space (space, tab, CR, LF) made
    /// one space and none at either end: `Escaping.json` of the collapsed text, in one pass.
    static func collapsingSpace(_ text: String, into out: inout [UInt8]) {
        var text = text
        let start = out.count
        out.append(0x22)
        byteKinds.withUnsafeBufferPointer { kinds in text.withUTF8 { bytes in
            // Bytes from `run` on are copied as they are when the run ends: none needs an escape,
            // and a space in it is a single one between two other bytes.
            var run = 0, space = false
            var position = 0
            while position < bytes.count {
                let byte = bytes[position]
                let kind = kinds[Int(byte)]
                if kind == 0 {
                    if space {
                        out.append(0x20)
                        space = false
                    }
                } else if kind == 1 {
                    if byte == 0x20 && position > 0 && position + 1 < bytes.count && kinds[Int(bytes[position - 1])] != 1
                        && kinds[Int(bytes[position + 1])] != 1 {
                        position += 1
                        continue
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                    run = position + 1
                    space = out.count > start + 1
                } else {
                    if space {
                        out.append(0x20)
                        space = false
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<position]))
                    Escaping.jsonEscape(byte, into: &out)
                    run = position + 1
                }
                position += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        } }
        out.append(0x22)
    }

    /// Per byte: 1 white space (space, tab, CR, LF), 2 written escaped in JSON, else 0.
    static let byteKinds: [UInt8] = (0...255).map { (byte: Int) -> UInt8 in
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D ? 1 : Escaping.needsJSONEscape(UInt8(byte)) ? 2 : 0
    }

    /// Whether a term with `size` postings keeps only two levels (see `entry`).
    static func isDense(_ size: Int, count: Int) -> Bool { count >= 5000 && size * 3 > count }

    /// Whether a term with `size` postings keeps one level (see `entry`).
    static func isCommon(_ size: Int, count: Int) -> Bool { count >= 5000 && size * 3 > count * 2 }

    /// The 64 characters of the postings' text, values 0–63 (base64url's).
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// `"term":"tiers"`: the term's documents grouped by impact level, highest first, tiers
    /// joined by `,`. A tier is the level's character, then `l` and the documents as a list
    /// (each `document - previous - 1`, the first `document`, as a number) or `b` and a bitmap
    /// (a number, the first block of six documents, then one character per block, bit `j` for
    /// document `6 * block + j`), whichever is shorter (a tie: the list). A number is written in
    /// 5-bit groups, lowest first, each but the last plus 32. In an index of 5,000 documents or
    /// more, a term in more than a third of them keeps two levels (`>= 8` as 12, the rest as 5):
    /// its IDF is low, so fine levels matter little, and two bitmaps are far shorter than sixteen.
    /// Such a term's two tiers are written as one `t` tier when that is shorter (see `ternary`).
    /// A term in more than two thirds of them keeps one level (8): its IDF is under log 1.5, a
    /// tenth of a word in 1 % of the papers, so its levels would mostly break ties, and one
    /// bitmap is about half the bytes of its two levels.
    static func entry(_ term: String, _ postings: [UInt32], count: Int) -> [UInt8] {
        var out: [UInt8] = [], scratch: [Int] = []
        out.reserveCapacity(term.utf8.count + 8 + postings.count * 2)
        entry(term.utf8, postings, count: count, into: &out, scratch: &scratch)
        return out
    }

    /// Appends `entry(_:_:count:)` of the term with UTF-8 bytes `term` to `out`; `scratch` is
    /// room for the documents sorted by level (kept to spare an allocation per term).
    static func entry<Term: Sequence<UInt8>>(_ term: Term, _ postings: [UInt32], count: Int, into out: inout [UInt8], scratch: inout [Int]) {
        Escaping.json(term, into: &out)
        out += [0x3A, 0x22]
        let dense = SearchIndex.isDense(postings.count, count: count), common = SearchIndex.isCommon(postings.count, count: count)
        // The documents by level (each level's ascending, as the postings are), in `scratch`.
        let mask = UInt32(impactLevels - 1)
        func level(_ posting: UInt32) -> Int {
            let level = Int(posting & mask)
            return common ? 8 : dense ? (level >= 8 ? 12 : 5) : level
        }
        var ends = [Int](repeating: 0, count: impactLevels + 1)
        for posting in postings { ends[level(posting) + 1] += 1 }
        for level in 0..<impactLevels { ends[level + 1] += ends[level] }
        var next = ends
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: postings.count))
        for posting in postings {
            let level = level(posting)
            scratch[next[level]] = Int(posting >> impactBits)
            next[level] += 1
        }
        func number(_ value: Int) { write(value, into: &out) }
        func length(_ value: Int) -> Int {
            var value = value, length = 1
            while value >= 32 { value >>= 5; length += 1 }
            return length
        }
        let head = out.count
        var first = true
        for level in stride(from: impactLevels - 1, through: 0, by: -1) where ends[level] < ends[level + 1] {
            let documents = scratch[ends[level]..<ends[level + 1]]
            if !first { out.append(0x2C) }
            first = false
            out.append(alphabet[level])
            var listLength = 0, previous = -1
            for document in documents {
                listLength += length(document - previous - 1)
                previous = document
            }
            let firstBlock = documents.first! / 6, lastBlock = documents.last! / 6
            if length(firstBlock) + lastBlock - firstBlock + 1 < listLength {
                out.append(UInt8(ascii: "b"))
                number(firstBlock)
                var block = firstBlock, bits = 0
                for document in documents {
                    while document / 6 > block {
                        out.append(alphabet[bits])
                        bits = 0
                        block += 1
                    }
                    bits |= 1 << (document % 6)
                }
                out.append(alphabet[bits])
            } else {
                out.append(UInt8(ascii: "l"))
                previous = -1
                for document in documents {
                    number(document - previous - 1)
                    previous = document
                }
            }
        }
        if dense && ends[12] < ends[13] && ends[5] < ends[6] {
            let packed = ternary(high: scratch[ends[12]..<ends[13]], low: scratch[ends[5]..<ends[6]])
            if packed.count < out.count - head {
                out.removeSubrange(head...)
                out += packed
            }
        }
        out.append(0x22)
    }

    /// A number in 5-bit groups, lowest first, each but the last plus 32.
    static func write(_ number: Int, into out: inout [UInt8]) {
        var value = number
        while value >= 32 {
            out.append(alphabet[32 + (value & 31)])
            value >>= 5
        }
        out.append(alphabet[value])
    }

    /// Two tiers in one, for a term in most documents: `M` (level 12), `t`, `F` (level 5), a
    /// number (the first group of eleven documents), then three characters per group: their values
    /// `c0 + 64 * c1 + 4096 * c2`, read in base 3 lowest digit first, give each document of the
    /// group 0 (absent), 1 (level 5) or 2 (level 12). 11 documents in 18 bits (3^11 <= 2^18) is
    /// 1.64 bits a document, where two bitmaps spend 2.
    static func ternary(high: ArraySlice<Int>, low: ArraySlice<Int>) -> [UInt8] {
        var out: [UInt8] = [alphabet[12], UInt8(ascii: "t"), alphabet[5]]
        let firstGroup = min(high.first!, low.first!) / 11
        let lastGroup = max(high.last!, low.last!) / 11
        var digits = [UInt8](repeating: 0, count: (lastGroup - firstGroup + 1) * 11)
        for document in low { digits[document - firstGroup * 11] = 1 }
        for document in high { digits[document - firstGroup * 11] = 2 }
        write(firstGroup, into: &out)
        for group in stride(from: 0, to: digits.count, by: 11) {
            var packed = 0
            for j in stride(from: 10, through: 0, by: -1) { packed = packed * 3 + Int(digits[group + j]) }
            out += [alphabet[packed & 63], alphabet[(packed >> 6) & 63], alphabet[packed >> 12]]
        }
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
        let position = lowerBound((posting >> impactBits) << impactBits, in: postings)
        if position < postings.count && postings[position] >> impactBits == posting >> impactBits {
            postings[position] = posting
        } else {
            postings.insert(posting, at: position)
        }
    }

    static func remove(document: UInt32, from postings: inout [UInt32]) {
        let position = lowerBound(document << impactBits, in: postings)
        if position < postings.count && postings[position] >> impactBits == document { postings.remove(at: position) }
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
