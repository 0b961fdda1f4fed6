
/// Hashes a sequence of values into one stable 64-bit value: the same values in the same order
/// give the same hash in every run, so it can be stored in the build cache. Values are framed
/// (strings by length, optionals by a presence byte), so `("ab", "c")` and `("a", "bc")` differ.
package struct StableHasher {
    private var state = XXH64.Streaming()

    package init() {}

    package mutating func combine(_ value: Int) {
        withUnsafeBytes(of: Int64(value).littleEndian) { state.update($0) }
    }

    package mutating func combine(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { state.update($0) }
    }

    package mutating func combine(_ value: Bool) {
        withUnsafeBytes(of: UInt8(value ? 1 : 0)) { state.update($0) }
    }

    package mutating func combine(_ value: String) {
        combine(value.utf8.count)
        if value.utf8.withContiguousStorageIfAvailable({ state.update(UnsafeRawBufferPointer($0)) }) == nil {
            var copy = value
            copy.withUTF8 { state.update(UnsafeRawBufferPointer($0)) }
        }
    }

    package mutating func combine(_ value: Int?) {
        combine(value != nil)
        if let value { combine(value) }
    }

    package mutating func combine(_ value: String?) {
        combine(value != nil)
        if let value { combine(value) }
    }

    package mutating func combine(_ stamp: FileStamp) {
        combine(stamp.size)
        combine(stamp.modified)
        combine(stamp.changed)
        combine(stamp.inode)
    }

    /// The hash, as an `Int` (the type of a job's frame).
    package func finalize() -> Int {
        Int(truncatingIfNeeded: value)
    }

    package var value: UInt64 { state.value }
}
