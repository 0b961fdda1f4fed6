import DaybookContent

/// A BibTeX entry for a paper (`@misc`, with arXiv fields when the id is an arXiv id), as shown
/// on its page for copying.
public enum BibTeXWriter {
    public static func entry(for paper: Paper, url: String) -> String {
        let year = (paper.published ?? paper.day).year
        var fields: [(String, String)] = [("title", "{" + escape(paper.title) + "}")]
        if !paper.authors.isEmpty { fields.append(("author", escape(paper.authors.joined(separator: " and ")))) }
        fields.append(("year", String(year)))
        if paper.isArxivID {
            fields.append(("eprint", paper.id))
            fields.append(("archivePrefix", "arXiv"))
        }
        fields.append(("url", paper.arxivURL ?? url))
        var out = "@misc{\(key(for: paper, year: year)),\n"
        for (index, field) in fields.enumerated() {
            out += "  \(field.0) = {\(field.1)}" + (index + 1 < fields.count ? ",\n" : "\n")
        }
        return out + "}"
    }

    /// `lovelace2024title`: the first author's last name, the year, the title's first long word;
    /// ASCII letters and digits only. Falls back to the id.
    static func key(for paper: Paper, year: Int) -> String {
        func ascii(_ text: some StringProtocol) -> String {
            String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })).lowercased()
        }
        let author = paper.authors.first.flatMap { $0.split(separator: " ").last }.map(ascii) ?? ""
        let word = paper.title.split(whereSeparator: { !$0.isLetter }).map(ascii).first { $0.count > 3 } ?? ""
        let key = author + String(year) + word
        return author.isEmpty && word.isEmpty ? ascii(paper.id) : key
    }

    /// Escapes BibTeX's special characters that are not already escaped, and balances braces by
    /// escaping them when they are not.
    static func escape(_ text: String) -> String {
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
