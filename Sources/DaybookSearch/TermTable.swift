/// A set of terms as UTF-8 byte strings, each given a number (its id) in the order first added:
/// an open-addressing hash table over one byte buffer, so looking up a word of a paper needs no
/// `String`, no allocation and no Unicode-aware hashing (`SearchIndex` builds with it).
struct TermTable: Sendable {
    /// The terms' bytes, one after another; term `id` is `bytes[ends[id - 1] ..< ends[id]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// By hash: 0 where empty, else the id plus one, with the hash's top 32 bits above it (so a
    /// probe rarely reads a term it does not want); a power of two long, at most half full.
    private var slots: [UInt64]

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        ends.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * 8)
    }

    var count: Int { ends.count }

    func range(of id: Int) -> Range<Int> { (id == 0 ? 0 : ends[id - 1])..<ends[id] }

    /// The term `id` as a string.
    func string(_ id: Int) -> String { String(decoding: bytes[range(of: id)], as: UTF8.self) }

    /// Calls `body` with the bytes of term `id`.
    func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = range(of: id)
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    static let hashStart: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One more byte of an FNV-1a hash (64 bits: terms are short, so a byte at a time is as fast
    /// as anything, and a tokenizer can hash a word as it reads it).
    @inline(__always)
    static func hash(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }

    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hashStart
        for byte in term { hash = TermTable.hash(hash, byte) }
        return hash
    }

    /// The id of `term`, whose `hash(_:)` is `hash`, added when new.
    mutating func id(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        if let found = find(term, hash: hash) { return found }
        return add(term, hash: hash)
    }

    /// The id of `term`, added when new.
    mutating func id(of term: UnsafeBufferPointer<UInt8>) -> Int {
        id(of: term, hash: TermTable.hash(term))
    }

    private func find(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        let top = hash >> 32
        var slot = Int(truncatingIfNeeded: hash) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry == 0 { return nil }
                if entry >> 32 == top {
                    let id = Int(entry & 0xFFFF_FFFF) - 1
                    let start = id == 0 ? 0 : ends[id - 1]
                    if ends[id] - start == term.count && bytes.withUnsafeBufferPointer({ equal($0.baseAddress! + start, term) }) {
                        return id
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    private mutating func add(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let id = ends.count
        bytes.append(contentsOf: term)
        ends.append(bytes.count)
        hashes.append(hash)
        if (id + 1) * 2 > slots.count {
            grow()
        } else {
            place(id, hash: hash)
        }
        return id
    }

    private mutating func place(_ id: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 32) << 32 | UInt64(id + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for id in 0..<ends.count { place(id, hash: hashes[id]) }
    }
}

/// Whether the `term.count` bytes at `stored` are `term`'s (terms are short: a loop beats a call).
@inline(__always)
private func equal(_ stored: UnsafePointer<UInt8>, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
    for i in 0..<term.count where stored[i] != term[i] { return false }
    return true
}
