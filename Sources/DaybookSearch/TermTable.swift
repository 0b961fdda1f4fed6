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

    /// A hash of a term's bytes, eight at a time (most terms are one or two loads), mixed as
    /// wyhash and splitmix64 mix, so that its low bits pick slots well.
    /// `padded`: at least eight readable bytes follow `term`, so its last bytes are read in one
    /// load (the same hash).
    static func hash(_ term: UnsafeBufferPointer<UInt8>, padded: Bool = false) -> UInt64 {
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(term.count)
        guard let base = term.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= term.count {
            hash = mix(hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < term.count {
            var tail: UInt64 = 0
            if padded {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                tail = word & ((1 << UInt64(8 * (term.count - offset))) - 1)
            } else {
                for index in offset..<term.count { tail |= UInt64(base[index]) << UInt64(8 * (index - offset)) }
            }
            hash = mix(hash ^ tail)
        }
        hash ^= hash >> 31
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ hash >> 29
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
        return product.high ^ product.low
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
