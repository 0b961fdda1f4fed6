/// A compact binary encoding for the build's caches: unsigned LEB128 integers (zigzag for signed
/// ones), strings as a length and their UTF-8 bytes, optionals behind a presence byte. Reading
/// checks every length against what is left, so a truncated or foreign file fails cleanly
/// (`BinaryReader.Malformed`) instead of trapping.
package struct BinaryWriter {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    package mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    package mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    package mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    package mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    package mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }

    package mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    package mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Raw bytes, without a length (the reader must know it: see `write(UInt64)` then `readBytes`).
    package mutating func append(_ raw: some Collection<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// A fixed-width little-endian word (checksums, which are read back from a known offset).
    package mutating func writeFixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}

/// Reads what `BinaryWriter` wrote, in the same order.
package struct BinaryReader {
    /// The bytes ended early or held something that cannot be.
    package struct Malformed: Error {
        package init() {}
    }

    private let bytes: [UInt8]
    package private(set) var offset: Int
    private let end: Int

    /// Reads `bytes[range]` (all of them by default).
    package init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        offset = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    package var isAtEnd: Bool { offset == end }

    /// A reader of `bytes` but their last eight, and its checksum, when those eight are the XXH64
    /// of the rest (as the caches end: `writeFixed(checksum)`); nil otherwise.
    package static func checked(_ bytes: [UInt8]) -> (reader: BinaryReader, checksum: UInt64)? {
        guard bytes.count >= 8 else { return nil }
        let bodyCount = bytes.count - 8
        var trailer = BinaryReader(bytes, range: bodyCount..<bytes.count)
        let checksum = bytes.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[..<bodyCount])) }
        guard (try? trailer.readFixed()) == checksum else { return nil }
        return (BinaryReader(bytes, range: 0..<bodyCount), checksum)
    }

    package mutating func readUInt64() throws(Malformed) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    package mutating func readInt() throws(Malformed) -> Int {
        let raw = try readUInt64()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count or length: not more than the bytes left, so a damaged one cannot ask for a huge allocation.
    package mutating func readCount() throws(Malformed) -> Int {
        let raw = try readUInt64()
        guard raw <= UInt64(end - offset) else { throw Malformed() }
        return Int(raw)
    }

    package mutating func readBool() throws(Malformed) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    package mutating func readString() throws(Malformed) -> String {
        let count = try readCount()
        let start = offset
        offset += count
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<start + count]), as: UTF8.self) }
    }

    /// Passes over `count` bytes.
    package mutating func skip(_ count: Int) throws(Malformed) {
        guard count >= 0, count <= end - offset else { throw Malformed() }
        offset += count
    }

    /// A length, then that many raw bytes.
    package mutating func readBytes() throws(Malformed) -> ArraySlice<UInt8> {
        let count = try readCount()
        offset += count
        return bytes[(offset - count)..<offset]
    }

    package mutating func readStrings() throws(Malformed) -> [String] {
        let count = try readCount()
        var out: [String] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try readString()) }
        return out
    }

    package mutating func readOptionalString() throws(Malformed) -> String? {
        try readBool() ? try readString() : nil
    }

    package mutating func readOptionalInt() throws(Malformed) -> Int? {
        try readBool() ? try readInt() : nil
    }

    package mutating func readFixed() throws(Malformed) -> UInt64 {
        guard end - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }
}
