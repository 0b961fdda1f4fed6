import Testing
@testable import DaybookMarkdown

/// cmark-gfm keeps extension state in globals: parsing on several threads at once silently loses
/// strikethrough and autolinks. These tests fail when `CmarkEngine` stops serializing parses.
@Suite struct ConcurrentRenderingTests {
    /// Different documents leaning on every extension and on math; the short ones make parsers
    /// come and go often, which is when the C library's global state changes.
    static let documents: [String] = (0..<120).map { i in
        if i % 2 == 1 { return "~~x\(i)~~ www.a\(i).org" }
        return """
        Paper \(i): we ~~drop~~ keep \(i) heads, see https://example.org/\(i) and www.site\(i).com.
        Math $x_{\(i)}^2 = \\{a\\}$ costs $\(i) and more.

        | k | v\(i) |
        |---|---|
        | \(i) | ~~old~~ <tag\(i)> |

        \(String(repeating: "Filler words ~~struck \(i)~~ www.w\(i).org ", count: i % 7 + 1))
        """
    }

    @Test func concurrentRendersMatchSerialRenders() async {
        let renderer = MarkdownRenderer()
        let serial = Self.documents.map { renderer.render($0).html }
        let serialExcerpts = Self.documents.map { renderer.excerpt($0, maxLength: 120) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for task in 0..<8 {
                group.addTask {
                    var wrong = 0
                    for round in 0..<12 {
                        for offset in 0..<Self.documents.count {
                            let index = (offset * 7 + task * 13 + round) % Self.documents.count
                            if renderer.render(Self.documents[index]).html != serial[index] { wrong += 1 }
                            if offset % 10 == 0, renderer.excerpt(Self.documents[index], maxLength: 120) != serialExcerpts[index] {
                                wrong += 1
                            }
                        }
                    }
                    return wrong
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test func theSerialRenderUsesEveryExtension() {
        let html = MarkdownRenderer().render(Self.documents[4]).html
        #expect(html.contains("<del>drop</del>"))
        #expect(html.contains(#"<a href="https://example.org/4">"#))
        #expect(html.contains(#"<a href="http://www.site4.com">"#))
        #expect(html.contains("<table>"))
        #expect(html.contains(#"<span class="math inline">\(x_{4}^2 = \{a\}\)</span>"#))
    }
}
