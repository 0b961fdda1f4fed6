import Testing
@testable import DaybookMarkdown

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func aParagraphRendersAsGFMDoes() {
        #expect(renderer.render("Hello *world*.").html == "<p>Hello <em>world</em>.</p>\n")
    }

    @Test func theDocumentedExampleHolds() {
        let abstract = renderer.render("We bound $O(n^2)$ ~~time~~.", baseURL: "https://example.org/papers/x/")
        #expect(abstract.html == "<p>We bound <span class=\"math inline\">\\(O(n^2)\\)</span> <del>time</del>.</p>\n")
    }

    @Test func emptyMarkdownRendersToNothing() {
        #expect(renderer.render("") == RenderedMarkdown(html: "", hasMath: false))
    }

    @Test func softBreaksStayLineBreaksNotBrTags() {
        #expect(renderer.render("one\ntwo").html == "<p>one\ntwo</p>\n")
    }

    @Test func rawHTMLShowsAsEscapedText() {
        #expect(renderer.render("a <b>x</b>").html == "<p>a &lt;b&gt;x&lt;/b&gt;</p>\n")
        #expect(renderer.render("<script>alert(1)</script>").html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n")
    }

    @Test func angleBracketTripletsShowLiterally() {
        #expect(renderer.render("<human, action, object> and <projektor>").html
            == "<p>&lt;human, action, object&gt; and &lt;projektor&gt;</p>\n")
    }

    @Test func aJavascriptLinkKeepsItsTextButLosesTheLink() {
        #expect(renderer.render("[click](javascript:alert(1))").html == "<p>click</p>\n")
    }

    @Test func aSingleTildeIsNotStrikethrough() {
        #expect(renderer.render("~30% and ~~gone~~").html == "<p>~30% and <del>gone</del></p>\n")
    }

    @Test func relativeLinksStayRelativeWithoutABaseURL() {
        #expect(renderer.render("[a](b/c)").html == "<p><a href=\"b/c\">a</a></p>\n")
    }

    @Test func relativeLinksBecomeAbsoluteAgainstTheBaseURL() {
        #expect(renderer.render("[a](b/c) ![i](/i.png)", baseURL: "https://x.org/p/q/").html
            == "<p><a href=\"https://x.org/p/q/b/c\">a</a> <img src=\"https://x.org/i.png\" alt=\"i\" /></p>\n")
    }

    @Test func inlineMathKeepsItsTeXExactlyAndEscaped() {
        let rendered = renderer.render(#"Let $a}_{b * c \{d\} \| e\,f <b>$."#)
        #expect(rendered.html == #"<p>Let <span class="math inline">\(a}_{b * c \{d\} \| e\,f &lt;b&gt;\)</span>.</p>"# + "\n")
        #expect(rendered.hasMath)
    }

    @Test func displayMathIsWrappedForKaTeX() {
        #expect(renderer.render("$$x_1 * y_2$$").html == #"<p><span class="math display">\[x_1 * y_2\]</span></p>"# + "\n")
        #expect(renderer.render(#"\[a\]"#).html == #"<p><span class="math display">\[a\]</span></p>"# + "\n")
        #expect(renderer.render(#"\(a\)"#).html == #"<p><span class="math inline">\(a\)</span></p>"# + "\n")
    }

    @Test func dollarAmountsAreNotMath() {
        let rendered = renderer.render("It costs $5 and $10.")
        #expect(rendered.html == "<p>It costs $5 and $10.</p>\n")
        #expect(!rendered.hasMath)
    }

    @Test func aClosingDollarBeforeADigitOrAfterASpaceDoesNotClose() {
        #expect(!renderer.render("from $a to b$1").hasMath)
        #expect(!renderer.render("from $a to b $ c").hasMath)
        #expect(!renderer.render("from $ a to b$").hasMath)
    }

    @Test func aDollarAfterASpaceEndsTheSpanAttemptAsInPandoc() {
        #expect(renderer.render("$a $b$ c").html == #"<p>$a <span class="math inline">\(b\)</span> c</p>"# + "\n")
    }

    @Test func anEscapedDollarIsADollar() {
        let rendered = renderer.render(#"a \$x\$ b"#)
        #expect(rendered.html == "<p>a $x$ b</p>\n")
        #expect(!rendered.hasMath)
    }

    @Test func dollarsInCodeStayCode() {
        let rendered = renderer.render("`$x$` and\n\n```\n$y$\n```\n\n    $z$\n")
        #expect(rendered.html == "<p><code>$x$</code> and</p>\n<pre><code>$y$\n</code></pre>\n<pre><code>$z$\n</code></pre>\n")
        #expect(!rendered.hasMath)
    }

    @Test func mathDoesNotCrossABlankLine() {
        #expect(renderer.render("$a\n\nb$").html == "<p>$a</p>\n<p>b$</p>\n")
    }

    @Test func mathInImageAltTextStaysAsWritten() {
        #expect(renderer.render("![a $x$](i.png)").html == "<p><img src=\"i.png\" alt=\"a $x$\" /></p>\n")
    }

    @Test func mathInLinkTextIsMath() {
        #expect(renderer.render("[$x$](https://a.org)").html
            == #"<p><a href="https://a.org"><span class="math inline">\(x\)</span></a></p>"# + "\n")
    }

    @Test func privateUseCharactersInTheSourceSurvive() {
        #expect(renderer.render("a \u{E000}0\u{E001} $x$").html
            == "<p>a \u{E000}0\u{E001} <span class=\"math inline\">\\(x\\)</span></p>\n")
    }

    @Test func privateUseCharactersInCodeAndTitlesSurvive() {
        let forged = "\u{E000}0\u{E001}"
        #expect(renderer.render("$x$ `\(forged)` [a](b \"\(forged)\")\n\n```\n\(forged)\n```").html == """
            <p><span class="math inline">\\(x\\)</span> <code>\(forged)</code> <a href="b" title="\(forged)">a</a></p>
            <pre><code>\(forged)
            </code></pre>

            """)
    }

    @Test func dollarsInAnAutolinkedURLStayAsWritten() {
        let rendered = renderer.render("see https://x.org/$a$b")
        #expect(rendered.html == "<p>see <a href=\"https://x.org/$a$b\">https://x.org/$a$b</a></p>\n")
        #expect(!rendered.hasMath)
    }

    @Test func mathInALinkTitleStaysAsWritten() {
        #expect(renderer.render("[a](b \"$x$\")").html == "<p><a href=\"b\" title=\"$x$\">a</a></p>\n")
    }

    @Test func sameInputGivesTheSameOutput() {
        let source = "| a |\n|---|\n| $x$ ~~y~~ www.z.org |"
        #expect(renderer.render(source) == MarkdownRenderer().render(source))
    }
}
