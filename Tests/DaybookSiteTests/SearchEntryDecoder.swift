@testable import DaybookSearch
@testable import DaybookSite

/// Decodes a term's postings text as `assets/search.js` does (`decode`), to check the index's
/// encoding (`SearchIndex.entry`) from the reader's side.
enum SearchEntryDecoder {
    static let values: [UInt8: Int] = Dictionary(uniqueKeysWithValues: SearchIndex.alphabet.enumerated().map { ($1, $0) })

    /// The postings, tier by tier (highest level first), each tier's documents ascending.
    static func decode(_ tiers: String) -> [(document: Int, level: Int)] {
        var out: [(document: Int, level: Int)] = []
        for tier in tiers.split(separator: ",", omittingEmptySubsequences: false) {
            let bytes = Array(tier.utf8)
            guard bytes.count >= 2, let level = values[bytes[0]] else { return [] }
            var position = 2
            func number() -> Int? {
                var value = 0, scale = 1
                while position < bytes.count {
                    guard let v = values[bytes[position]] else { return nil }
                    position += 1
                    if v >= 32 { value += (v - 32) * scale; scale *= 32 } else { return value + v * scale }
                }
                return nil
            }
            if bytes[1] == UInt8(ascii: "l") {
                var document = -1
                while position < bytes.count {
                    guard let gap = number() else { return [] }
                    document += gap + 1
                    out.append((document, level))
                }
            } else if bytes[1] == UInt8(ascii: "b") {
                guard var block = number() else { return [] }
                while position < bytes.count {
                    guard let bits = values[bytes[position]] else { return [] }
                    for j in 0..<6 where bits & (1 << j) != 0 { out.append((block * 6 + j, level)) }
                    position += 1
                    block += 1
                }
            } else {
                return []
            }
        }
        return out
    }
}
