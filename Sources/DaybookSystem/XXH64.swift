/// XXH64, the 64-bit xxHash of bytes (a fast non-cryptographic hash with a published spec):
/// used to tell whether cached files and page inputs changed. Equal input, equal value, in every
/// process (unlike Swift's `Hasher`, which is seeded per run).
package enum XXH64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    package static func hash(_ bytes: some Collection<UInt8>, seed: UInt64 = 0) -> UInt64 {
        if let value = bytes.withContiguousStorageIfAvailable({ hash(UnsafeRawBufferPointer($0), seed: seed) }) {
            return value
        }
        return Array(bytes).withUnsafeBytes { hash($0, seed: seed) }
    }

    package static func hash(_ string: String, seed: UInt64 = 0) -> UInt64 {
        var copy = string
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0), seed: seed) }
    }

    package static func hash(_ buffer: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = buffer.count
        var offset = 0
        var h: UInt64
        if count >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while offset + 32 <= count {
                v1 = round(v1, word(buffer, offset))
                v2 = round(v2, word(buffer, offset + 8))
                v3 = round(v3, word(buffer, offset + 16))
                v4 = round(v4, word(buffer, offset + 24))
                offset += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            h = merge(h, v4)
        } else {
            h = seed &+ p5
        }
        h = h &+ UInt64(count)
        return finish(h, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
    }

    /// The last (fewer than 32) bytes and the avalanche.
    private static func finish(_ start: UInt64, _ buffer: UnsafeRawBufferPointer) -> UInt64 {
        var h = start
        let count = buffer.count
        var offset = 0
        while offset + 8 <= count {
            h ^= round(0, word(buffer, offset))
            h = rotl(h, 27) &* p1 &+ p4
            offset += 8
        }
        if offset + 4 <= count {
            h ^= UInt64(buffer.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            offset += 4
        }
        while offset < count {
            h ^= UInt64(buffer[offset]) &* p5
            h = rotl(h, 11) &* p1
            offset += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }

    /// XXH64 over bytes given in pieces: the same value as `hash` of their concatenation, without
    /// holding them. Up to 31 bytes wait in `pending` until a 32-byte stripe is full.
    package struct Streaming {
        private var v1: UInt64, v2: UInt64, v3: UInt64, v4: UInt64
        private let seed: UInt64
        private var total = 0
        private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var pendingCount = 0

        package init(seed: UInt64 = 0) {
            self.seed = seed
            v1 = seed &+ XXH64.p1 &+ XXH64.p2
            v2 = seed &+ XXH64.p2
            v3 = seed
            v4 = seed &- XXH64.p1
        }

        package mutating func update(_ buffer: UnsafeRawBufferPointer) {
            total += buffer.count
            var offset = 0
            if pendingCount > 0 {
                let take = min(32 - pendingCount, buffer.count)
                withUnsafeMutableBytes(of: &pending) { stripe in
                    stripe.baseAddress!.advanced(by: pendingCount).copyMemory(from: buffer.baseAddress!, byteCount: take)
                }
                pendingCount += take
                offset = take
                guard pendingCount == 32 else { return }
                withUnsafeBytes(of: pending) { consume($0, at: 0) }
                pendingCount = 0
            }
            while offset + 32 <= buffer.count {
                consume(buffer, at: offset)
                offset += 32
            }
            if offset < buffer.count {
                let rest = buffer.count - offset
                withUnsafeMutableBytes(of: &pending) { stripe in
                    stripe.baseAddress!.copyMemory(from: buffer.baseAddress!.advanced(by: offset), byteCount: rest)
                }
                pendingCount = rest
            }
        }

        private mutating func consume(_ buffer: UnsafeRawBufferPointer, at offset: Int) {
            v1 = XXH64.round(v1, XXH64.word(buffer, offset))
            v2 = XXH64.round(v2, XXH64.word(buffer, offset + 8))
            v3 = XXH64.round(v3, XXH64.word(buffer, offset + 16))
            v4 = XXH64.round(v4, XXH64.word(buffer, offset + 24))
        }

        /// The hash of everything given so far.
        package var value: UInt64 {
            var h: UInt64
            if total >= 32 {
                h = XXH64.rotl(v1, 1) &+ XXH64.rotl(v2, 7) &+ XXH64.rotl(v3, 12) &+ XXH64.rotl(v4, 18)
                h = XXH64.merge(h, v1)
                h = XXH64.merge(h, v2)
                h = XXH64.merge(h, v3)
                h = XXH64.merge(h, v4)
            } else {
                h = seed &+ XXH64.p5
            }
            h = h &+ UInt64(total)
            return withUnsafeBytes(of: pending) { XXH64.finish(h, UnsafeRawBufferPointer(rebasing: $0[0..<pendingCount])) }
        }
    }

    @inline(__always) private static func word(_ buffer: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 {
        (x << r) | (x >> (64 - r))
    }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) private static func merge(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }
}
