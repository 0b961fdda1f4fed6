import Testing
@testable import DaybookMarkdown

@Suite struct InlineRenderingTests {
    let renderer = MarkdownRenderer()

    @Test func aTitleIsEscapedWithoutAParagraph() {
        #expect(renderer.renderInline("A <b>Bold</b> & \"Quoted\" *Title*")
            == RenderedMarkdown(html: "A &lt;b&gt;Bold&lt;/b&gt; &amp; &quot;Quoted&quot; *Title*", hasMath: false))
    }

    @Test func mathInATitleIsWrapped() {
        #expect(renderer.renderInline(#"HyperZ$\cdot$Z$\cdot$W Operator"#) == RenderedMarkdown(
            html: #"HyperZ<span class="math inline">\(\cdot\)</span>Z<span class="math inline">\(\cdot\)</span>W Operator"#,
            hasMath: true))
    }

    /// Backticks are literal in a title; TeX text commands keep their text (see `TeXTextMode`);
    /// an unknown command stays as written.
    @Test func backticksAndEscapesOtherThanDollarAreLiteral() {
        #expect(renderer.renderInline(#"`$x$` \textbf{y} \$5 \unknown{z}"#).html
            == #"`<span class="math inline">\(x\)</span>` y $5 \unknown{z}"#)
    }

    @Test func whitespaceOutsideMathIsCollapsed() {
        #expect(renderer.renderInline("  Wrapped\n   title $a\n b$  ").html
            == "Wrapped title <span class=\"math inline\">\\(a\n b\\)</span>")
    }

    @Test func dollarAmountsInATitleAreNotMath() {
        #expect(renderer.renderInline("Training for $5 and $10").html == "Training for $5 and $10")
    }
}
