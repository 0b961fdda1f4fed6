import Foundation
import Testing
@testable import DaybookMarkdown

/// `outline` says what `render` would give (whether any HTML, whether math) and the excerpt,
/// without rendering: pages rely on it to know about an abstract before its HTML is made.
@Suite struct MarkdownOutlineTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden").path

    static var sources: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: golden)) ?? []
        let goldens = files.filter { $0.hasSuffix(".md") }.sorted().compactMap {
            try? String(contentsOfFile: golden + "/" + $0, encoding: .utf8)
        }
        return goldens + [
            "", "   \n\t\n", "[ref]: https://example.org/", "[ref]: https://example.org/\n\n[ref]",
            "<!-- a comment -->", "<div>raw</div>", "$x$", "`$x$` in code", "```\n$$y$$\n```", "![alt $x$](img.png)",
            "[$x$](https://example.org/$y$)", "https://example.org/$a$b", "Costs $5 and $6.", "\\$x\\$", "$$\nE = mc^2\n$$",
            "| a | $b$ |\n|---|---|\n| 1 | 2 |", "~~$x$~~", "> quote $q$", "- item\n- $i$", "R\\'{e}nyi entropy",
        ]
    }

    @Test func outlineAgreesWithRenderAndExcerpt() {
        let renderer = MarkdownRenderer()
        #expect(MarkdownOutlineTests.sources.count > 25)
        for source in MarkdownOutlineTests.sources {
            let outline = renderer.outline(source, maxLength: 120)
            let rendered = renderer.render(source, baseURL: "https://example.org/papers/x/")
            #expect(outline.hasContent == !rendered.html.isEmpty, "\(source.debugDescription)")
            #expect(outline.hasMath == rendered.hasMath, "\(source.debugDescription)")
            #expect(outline.excerpt == renderer.excerpt(source, maxLength: 120), "\(source.debugDescription)")
        }
    }
}
