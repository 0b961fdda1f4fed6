/// Splits a record into its YAML front matter and its Markdown body.
///
/// The first line must be `---`; the front matter runs to the next line that is `---` (trailing
/// spaces and a CR allowed, so CRLF files work). The body starts after it.
struct FrontMatterSplitter {
    /// The YAML between the fences; its first line is line 2 of the file.
    var yaml: ArraySlice<UInt8>
    /// The Markdown body: leading blank lines and trailing whitespace removed, CRLF turned into LF.
    var body: String
    /// The 1-based line where the body starts (the line after the closing fence when the body is empty).
    var bodyLine: Int

    /// The line of the file that the front matter's first line is.
    static let yamlFirstLine = 2

    init(_ bytes: ArraySlice<UInt8>, path: String) throws(ContentError) {
        let end = bytes.endIndex
        guard bytes.contains(where: { !FrontMatterSplitter.isSpace($0) && $0 != 0x0A }) else {
            throw ContentError([Diagnostic(path: path, line: 1, column: 1,
                                           message: "file is empty: a record needs front matter between '---' lines")])
        }
        let firstEnd = FrontMatterSplitter.lineEnd(bytes, from: bytes.startIndex)
        guard FrontMatterSplitter.isFence(bytes[bytes.startIndex..<firstEnd]) else {
            throw ContentError([Diagnostic(path: path, line: 1, column: 1,
                                           message: "a record must start with a '---' line that opens its front matter")])
        }
        let yamlStart = min(firstEnd + 1, end)
        var lineStart = yamlStart
        var line = 2
        while lineStart < end {
            let lineEnd = FrontMatterSplitter.lineEnd(bytes, from: lineStart)
            if FrontMatterSplitter.isFence(bytes[lineStart..<lineEnd]) {
                yaml = bytes[yamlStart..<lineStart]
                (body, bodyLine) = FrontMatterSplitter.body(bytes, from: min(lineEnd + 1, end), line: line + 1)
                return
            }
            lineStart = lineEnd + 1
            line += 1
        }
        throw ContentError([Diagnostic(path: path, line: 1, column: 1,
                                       message: "front matter is not closed: no '---' line after line 1")])
    }

    private static func body(_ bytes: ArraySlice<UInt8>, from start: Int, line: Int) -> (String, Int) {
        var start = start, line = line
        // Skip blank lines so that `bodyLine` is where the abstract's text starts.
        while start < bytes.endIndex {
            let lineEnd = lineEnd(bytes, from: start)
            guard bytes[start..<lineEnd].allSatisfy(isSpace), lineEnd < bytes.endIndex else { break }
            start = lineEnd + 1
            line += 1
        }
        var stop = bytes.endIndex
        while stop > start, isSpace(bytes[stop - 1]) || bytes[stop - 1] == 0x0A { stop -= 1 }
        let slice = bytes[start..<stop]
        guard slice.contains(0x0D) else { return (String(decoding: slice, as: UTF8.self), line) }
        var unix = [UInt8]()
        unix.reserveCapacity(slice.count)
        for index in slice.indices where !(slice[index] == 0x0D && index + 1 < stop && slice[index + 1] == 0x0A) {
            unix.append(slice[index])
        }
        return (String(decoding: unix, as: UTF8.self), line)
    }

    /// The index of the `\n` ending the line that starts at `start`, or the end.
    static func lineEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        while index < bytes.endIndex && bytes[index] != 0x0A { index += 1 }
        return index
    }

    /// `---`, then only spaces, tabs or a CR.
    static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        let dash = UInt8(ascii: "-")
        guard line.count >= 3, line[line.startIndex] == dash, line[line.startIndex + 1] == dash,
              line[line.startIndex + 2] == dash else { return false }
        return line.dropFirst(3).allSatisfy(isSpace)
    }

    /// Space, tab or CR.
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
}
