import DaybookContent

/// A BibTeX entry for a paper (`@misc`, with arXiv fields when the id is an arXiv id), as shown
/// on its page for copying.
public enum BibTeXWriter {
    public static func entry(for paper: Paper, url: String) -> String {
        let year = (paper.published ?? paper.day).year
        var out = "@misc{" + key(for: paper, year: year) + ",\n  title = {{" + escape(paper.title) + "}}"
        if !paper.authors.isEmpty { out += ",\n  author = {" + escape(paper.authors.joined(separator: " and ")) + "}" }
        out += ",\n  year = {" + String(year) + "}"
        if paper.isArxivID { out += ",\n  eprint = {" + paper.id + "},\n  archivePrefix = {arXiv}" }
        return out + ",\n  url = {" + (paper.arxivURL ?? url) + "}\n}"
    }

    /// `lovelace2024title`: the first author's last name, the year, the title's first long word;
    /// ASCII letters and digits only. Falls back to the id.
    static func key(for paper: Paper, year: Int) -> String {
        let author = paper.authors.first.flatMap { $0.split(separator: " ").last }.map(ascii) ?? ""
        let word = firstLongWord(paper.title)
        let key = author + String(year) + word
        return author.isEmpty && word.isEmpty ? ascii(paper.id) : key
    }

    /// The first word of `title` (a run of letters) that keeps more than three characters in
    /// `ascii`, as kept; empty when there is none.
    static func firstLongWord(_ title: String) -> String {
        asciiFirstLongWord(title) ?? title.split(whereSeparator: { !$0.isLetter }).lazy.map(ascii).first { $0.count > 3 } ?? ""
    }

    /// `firstLongWord` of a title that is all ASCII, read as bytes: each Character is one byte (or
    /// CR LF, not a letter), the letters are A–Z and a–z, and `ascii` keeps them all. nil for any
    /// other title.
    private static func asciiFirstLongWord(_ title: String) -> String? {
        var title = title
        return title.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var start = 0
            for index in 0...bytes.count {
                if index < bytes.count, (0x41...0x5A).contains(bytes[index]) || (0x61...0x7A).contains(bytes[index]) { continue }
                if index - start > 3 { return String(decoding: bytes[start..<index], as: UTF8.self).lowercased() }
                start = index + 1
            }
            return ""
        }
    }

    /// The ASCII letters and digits of `text`, lowercased.
    static func ascii(_ text: some StringProtocol) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })).lowercased()
    }

    /// Escapes BibTeX's special characters that are not already escaped, and balances braces by
    /// escaping them when they are not.
    static func escape(_ text: String) -> String {
        // Text without any of the five (as bytes: UTF-8 never has them inside another character) is as it was.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x25 || $0 == 0x23 || $0 == 0x7B || $0 == 0x7D }) else {
            return text
        }
        var depth = 0
        var balanced = true
        for character in text {
            if character == "{" { depth += 1 } else if character == "}" { depth -= 1; if depth < 0 { balanced = false } }
        }
        if depth != 0 { balanced = false }
        var out = ""
        var previous: Character = " "
        for character in text {
            switch character {
            case "&", "%", "#":
                if previous != "\\" { out.append("\\") }
                out.append(character)
            case "{" where !balanced, "}" where !balanced:
                out.append("\\")
                out.append(character)
            default:
                out.append(character)
            }
            previous = character
        }
        return out
    }
}
