import Testing
@testable import DaybookMarkdown

/// TeX text mode outside math, as real arXiv and Hugging Face abstracts write it.
@Suite struct TeXTextModeTests {
    let renderer = MarkdownRenderer()

    func plain(_ text: String) -> String { renderer.plainText(text) }

    @Test("accents, braced or not, become NFC characters", arguments: [
        (#"R\'{e}nyi"#, "Rényi"), (#"R\'enyi"#, "Rényi"), (#"{\"o}"#, "ö"), (#"G\"{o}tz"#, "Götz"),
        (#"Fran\c{c}ois"#, "François"), (#"Fran\c cois"#, "François"), (#"\v see"#, "šee"), (#"\v{S}ediv\'y"#, "Šedivý"),
        (#"Erd\H{o}s"#, "Erdős"), (#"\`a la"#, "à la"), (#"\^{e}tre"#, "être"), (#"Espa\~na"#, "España"),
        (#"na\"{\i}ve"#, "naïve"), (#"Stra\ss e"#, "Straße"), (#"{\o}ystein"#, "øystein"), (#"\L{}\'od\'z"#, "Łódź"),
        (#"\AA{}ngstr\"om"#, "Ångström"), (#"{\ss}"#, "ß"),
    ])
    func accents(_ source: String, _ expected: String) {
        #expect(plain(source) == expected)
        #expect(plain(source).unicodeScalars.elementsEqual(expected.unicodeScalars), "not NFC: \(source)")
    }

    @Test("escaped specials, quotes, dashes and dots", arguments: [
        (#"57\% of cases"#, "57% of cases"), (#"R\&D"#, "R&D"), (##"\#1 and snake\_case"##, "#1 and snake_case"),
        ("``quoted'' text", "“quoted” text"), ("pages 10--20", "pages 10–20"), ("yes --- no", "yes — no"),
        (#"and so on\ldots"#, "and so on…"), ("Task~Arithmetic and Fig.~3", "Task\u{00A0}Arithmetic and Fig.\u{00A0}3"),
        ("about ~30% and ~~gone~~", "about ~30% and ~~gone~~"), (#"\textbf{UniHOI} and \emph{this}"#, "UniHOI and this"),
    ])
    func specials(_ source: String, _ expected: String) {
        #expect(plain(source) == expected)
    }

    @Test("math, flags, comments, URLs and unknown commands stay as written", arguments: [
        #"$\'{e} -- x$"#, "use --fast or --help", "<!-- note -->", "see https://a--b.example/x--y",
        #"\unknown{x} \v"#, "it's ''odd''", "a -- b ---- c",
    ])
    func leftAlone(_ source: String) {
        let expected = source.replacingOccurrences(of: "a -- b", with: "a – b")
        #expect(plain(source) == expected)
    }

    @Test func abstractsShowTheMeaningInHTMLAndExcerptsWithMathUntouched() {
        let html = renderer.render(#"R\'{e}nyi entropy drops by 57\% (``robust''), $\'{x}$ stays; see \textbf{UniHOI}."#).html
        #expect(html == "<p>Rényi entropy drops by 57% (“robust”), <span class=\"math inline\">\\(\\'{x}\\)</span> stays; see <strong>UniHOI</strong>.</p>\n")
        #expect(renderer.excerpt(#"G\"{o}tz and M\"uller -- a $\"o$ study"#, maxLength: 100) == #"Götz and Müller – a $\"o$ study"#)
        #expect(renderer.renderInline(#"Caf\'e \& R\'{e}nyi $\'a$"#).html
                == #"Café &amp; Rényi <span class="math inline">\(\'a\)</span>"#)
    }

    @Test func codeSpansAndFencedCodeAreCopiedInMarkdown() {
        #expect(renderer.render("Run `a--b \\'e` now").html == "<p>Run <code>a--b \\'e</code> now</p>\n")
        #expect(renderer.render("```\nx -- \\'e\n```\n").html == "<pre><code>x -- \\'e\n</code></pre>\n")
        #expect(renderer.render("| a | b |\n|---|---|\n| 1 | 2 |\n").html.contains("<table>"))
    }

    @Test func theQuickCheckFindsExactlyWhatAByteLoopFinds() {
        // The definition: a backslash, backtick or tilde, or `--` or `''`.
        func reference(_ bytes: [UInt8]) -> Bool {
            zip(bytes.indices, bytes).contains { index, byte in
                byte == 0x5C || byte == 0x60 || byte == 0x7E || ((byte == 0x2D || byte == 0x27) && index > 0 && bytes[index - 1] == byte)
            }
        }
        let alphabet = Array("a -'\\`~é".utf8)
        var state: UInt64 = 7
        for length in 0..<40 {
            for _ in 0..<60 {
                let bytes = (0..<length).map { _ -> UInt8 in
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    return alphabet[Int(state >> 33) % alphabet.count]
                }
                #expect(TeXTextMode.mayApply(bytes) == reference(bytes), "\(bytes)")
            }
        }
    }
}
