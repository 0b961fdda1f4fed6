@testable import DaybookSearch
@testable import DaybookSite

/// Decodes a term's postings text as `assets/search-engine.js` does (`decode`), to check the index's
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
            if bytes[1] == UInt8(ascii: "t") {
                // Two levels, 11 documents per 3 characters in base 3: the high level's first.
                guard bytes.count >= 3, let low = values[bytes[2]] else { return [] }
                position = 3
                guard var group = number(), (bytes.count - position) % 3 == 0 else { return [] }
                var high: [(document: Int, level: Int)] = [], lower: [(document: Int, level: Int)] = []
                while position < bytes.count {
                    guard let c0 = values[bytes[position]], let c1 = values[bytes[position + 1]],
                          let c2 = values[bytes[position + 2]] else { return [] }
                    var packed = c0 + 64 * c1 + 4096 * c2
                    for k in 0..<11 {
                        if packed % 3 == 2 { high.append((group * 11 + k, level)) }
                        if packed % 3 == 1 { lower.append((group * 11 + k, low)) }
                        packed /= 3
                    }
                    position += 3
                    group += 1
                }
                out += high + lower
            } else if bytes[1] == UInt8(ascii: "l") {
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
