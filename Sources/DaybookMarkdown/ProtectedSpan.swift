#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A piece of source text swapped for a placeholder token before cmark sees the Markdown.
///
/// A token is U+E000, the span's decimal index, U+E001: private-use characters cmark passes through
/// untouched. Math is protected so cmark cannot mangle TeX; private-use characters already in the
/// source are protected too, so every token found later is one of ours.
enum ProtectedSpan: Sendable, Hashable {
    /// TeX math: `tex` without delimiters; `source` is the span as written, delimiters included.
    case math(tex: String, display: Bool, source: String)
    /// Source text kept as it was.
    case literal(String)

    /// The text as written in the source.
    var source: String {
        switch self {
        case .math(_, _, let source): source
        case .literal(let text): text
        }
    }
}

/// The UTF-8 encoding of the token delimiters U+E000 and U+E001.
enum Token {
    static let lead0: UInt8 = 0xEE
    static let lead1: UInt8 = 0x80
    static let open: UInt8 = 0x80
    static let close: UInt8 = 0x81

    /// Appends the token for span `index`.
    static func append(_ index: Int, to out: inout [UInt8]) {
        out.append(lead0); out.append(lead1); out.append(open)
        out.append(contentsOf: String(index).utf8)
        out.append(lead0); out.append(lead1); out.append(close)
    }

    /// If a well-formed token for one of `count` spans starts at `i`, its index and the offset after it.
    static func match(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, count: Int) -> (index: Int, end: Int)? {
        guard i + 6 < bytes.count, bytes[i] == lead0, bytes[i + 1] == lead1, bytes[i + 2] == open else { return nil }
        var j = i + 3
        var index = 0
        while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, j - i < 12 {
            index = index * 10 + Int(bytes[j] - 0x30)
            j += 1
        }
        guard j > i + 3, j + 2 < bytes.count, bytes[j] == lead0, bytes[j + 1] == lead1, bytes[j + 2] == close,
              index < count else { return nil }
        return (index, j + 3)
    }

    /// Whether `bytes` may hold a token (has the first delimiter).
    static func mayContain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var start = bytes.baseAddress else { return false }
        let end = start + bytes.count
        while start < end, let found = memchr(start, Int32(lead0), end - start) {
            let hit = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
            if end - hit >= 3, hit[1] == lead1, hit[2] == open { return true }
            start = hit + 1
        }
        return false
    }

    /// Whether `bytes` holds `byte`.
    static func contains(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        return memchr(start, Int32(byte), bytes.count) != nil
    }
}
