import DaybookSearch
import DaybookSystem

/// The build cache's copy of the last search index's postings (`SearchIndex.Postings`), one per
/// site beside the content cache (`search.cache`): the next build weighs only the papers that
/// are new or changed since (see `SearchIndex+Reuse.swift`). The postings depend on the papers'
/// fields alone, not on the output folder or the routes, so one file serves every output.
///
/// Binary (`BinaryWriter`), written atomically and whole after each cached build, trusted only
/// when whole: its header names the format and the Daybook that wrote it (the tokenizer and the
/// weights are its code) and a checksum covers everything.
/// Each term's postings are written as gaps between documents with the level in the low bits.
enum SearchCache {
    static let format = "daybook-search-cache 1"
    static let name = "search.cache"

    /// The postings in `folder`, or nil when there are none whole from this executable.
    static func read(folder: String) -> SearchIndex.Postings? {
        FileIO.read(folder + "/" + name).flatMap(decode)
    }

    /// Keeps `encode`'s bytes for the next build; a failure costs that build its savings, nothing else.
    static func save(_ bytes: [UInt8], folder: String) {
        ContentCache.write(bytes, to: folder + "/" + name)
    }

    static func encode(_ postings: SearchIndex.Postings) -> [UInt8] {
        let total = postings.lists.reduce(0) { $0 + $1.count }
        var writer = BinaryWriter(capacity: 64 + postings.keys.count * 8 + postings.terms.count * 12 + total * 2)
        writer.write(format)
        writer.writeFixed(ContentCache.identity)
        writer.write(UInt64(postings.keys.count))
        for key in postings.keys { writer.writeFixed(key) }
        writer.write(UInt64(postings.terms.count))
        let bits = UInt64(SearchIndex.impactBits), mask = UInt32(SearchIndex.impactLevels - 1)
        for (term, list) in zip(postings.terms, postings.lists) {
            writer.write(term)
            writer.write(UInt64(list.count))
            var previous: UInt64 = 0
            for posting in list {
                // The document's gap from the last one (the first's number plus one), and the level.
                let document = UInt64(posting >> UInt32(bits)) + 1
                writer.write((document - previous) << bits | UInt64(posting & mask))
                previous = document
            }
        }
        let checksum = writer.bytes.withUnsafeBytes { XXH64.hash($0) }
        writer.writeFixed(checksum)
        return writer.bytes
    }

    /// `encode`'s postings, or nil for anything not whole from this executable, or with documents
    /// out of range or not ascending (a term twice is `SearchIndex.carry`'s to refuse).
    static func decode(_ bytes: [UInt8]) -> SearchIndex.Postings? {
        guard var reader = BinaryReader.checked(bytes)?.reader else { return nil }
        do throws(BinaryReader.Malformed) {
            guard try reader.readString() == format, try reader.readFixed() == ContentCache.identity else { return nil }
            let count = try reader.readCount()
            guard count < 1 << (32 - Int(SearchIndex.impactBits)) else { return nil }
            var keys: [UInt64] = []
            keys.reserveCapacity(count)
            for _ in 0..<count { keys.append(try reader.readFixed()) }
            let termCount = try reader.readCount()
            var terms: [String] = [], lists: [[UInt32]] = []
            terms.reserveCapacity(termCount)
            lists.reserveCapacity(termCount)
            let bits = UInt64(SearchIndex.impactBits), mask = UInt64(SearchIndex.impactLevels - 1)
            for _ in 0..<termCount {
                let term = try reader.readString()
                let size = try reader.readCount()
                var list: [UInt32] = []
                list.reserveCapacity(size)
                var document: UInt64 = 0
                for _ in 0..<size {
                    let value = try reader.readUInt64()
                    let gap = value >> bits
                    guard gap > 0, gap <= UInt64(count) - document else { throw BinaryReader.Malformed() }
                    document += gap
                    list.append(UInt32(document - 1) << UInt32(bits) | UInt32(value & mask))
                }
                terms.append(term)
                lists.append(list)
            }
            guard reader.isAtEnd else { return nil }
            return SearchIndex.Postings(keys: keys, terms: terms, lists: lists)
        } catch {
            return nil
        }
    }
}
