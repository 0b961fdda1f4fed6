import DaybookSystem
import Testing

@Suite struct EscapingTests {
    @Test func escapesTheFiveHTMLSpecialCharacters() {
        #expect(Escaping.html(#"<a href="x">Tom & Jerry's</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
    }

    @Test func appendingAStringEscapesAsTheByteLoopDoes() {
        for text in ["", "&", "plain", "<<>>", #"a"b'c&d<e>f"#, "Ünï & — 漢字 <x>", "&\u{301}é'", "end&"] {
            var whole = [UInt8](), bytes = [UInt8]()
            Escaping.appendHTML(text, to: &whole)
            Escaping.appendHTML(text.utf8, to: &bytes)
            #expect(whole == bytes, "\(text)")
        }
        var out = Array("kept ".utf8)
        Escaping.appendHTML("a&b", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "kept a&amp;b")
    }

    @Test func leavesPlainTextAndUnicodeAlone() {
        #expect(Escaping.html("Ünïcode — $x^2$") == "Ünïcode — $x^2$")
    }

    @Test func dropsControlCharactersXMLForbids() {
        #expect(Escaping.xml("a\u{01}b\tc\nd<") == "ab\tc\nd&lt;")
    }

    @Test func percentEncodesPathSegments() {
        #expect(Escaping.urlPathSegment("a b/ü") == "a%20b%2F%C3%BC")
    }
}
