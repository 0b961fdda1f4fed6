/// Turns byte offsets in a file into 1-based lines and columns (columns in Unicode scalars), using
/// a table of line starts so that many lookups in a large, even minified, file stay cheap.
struct JSONLocator {
    private let bytes: [UInt8]
    private let lineStarts: [Int]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        lineStarts = starts
    }

    func position(ofOffset offset: Int) -> (line: Int, column: Int) {
        // The last line start ≤ offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var cursor = lineStarts[low]
        if low == 0 && bytes.starts(with: SourceText.byteOrderMark) { cursor = 3 }
        while cursor < offset && cursor < bytes.count {
            if bytes[cursor] & 0xC0 != 0x80 { column += 1 }
            cursor += 1
        }
        return (low + 1, column)
    }
}
