import Testing
@testable import DaybookContent
import DaybookTestSupport

@Suite("Source text helpers")
struct SourceTextTests {
    /// The obvious definition, through Unicode properties, that the byte-level code must match.
    func referenceCollapse(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: \.properties.isWhitespace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    @Test func collapsesWhitespaceRunsAndLineBreaksIntoSingleSpaces() {
        #expect(SourceText.collapsingWhitespace("  Scaling Law for\n  Mixture-of-Experts \r\n") == "Scaling Law for Mixture-of-Experts")
        #expect(SourceText.collapsingWhitespace("a\u{00A0}\u{3000}b\u{2028}c\u{85}d") == "a b c d")
        #expect(SourceText.collapsingWhitespace("Café — ü 😀") == "Café — ü 😀")
        #expect(SourceText.collapsingWhitespace(" \t\n") == "")
        #expect(SourceText.collapsingWhitespace("") == "")
    }

    @Test func trimsOnlyTheEnds() {
        #expect(SourceText.trimmed("\u{3000} a  b \n") == "a  b")
        #expect(SourceText.trimmed("ab") == "ab")
        #expect(SourceText.trimmed("   ") == "")
    }

    @Test func matchesTheUnicodeDefinitionOfWhitespaceOnRandomText() {
        let pieces: [String] = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{200A}",
                                "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}", "a", "é", "—",
                                "\u{2030}", "\u{1681}", "\u{3001}", "😀", "Z"]
        var random = SeededGenerator(seed: 3)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(SourceText.collapsingWhitespace(text) == referenceCollapse(text), "\(text.debugDescription)")
            #expect(SourceText.containsSpaceOrControl(text) == text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 })
        }
    }

    @Test func reflowsHardWrappedParagraphs() {
        #expect(SourceText.reflowingParagraphs("one\n  two\r\n\r\n\nthree ") == "one two\n\nthree")
    }

    @Test func quotesValuesForMessagesAndShortensLongOnes() {
        #expect(SourceText.quoted("a\"b\\c\n\u{1}") == "\"a\\\"b\\\\c\\n\\u{1}\"")
        #expect(SourceText.quoted(String(repeating: "x", count: 70)) == "\"" + String(repeating: "x", count: 60) + "…\"")
    }
}
