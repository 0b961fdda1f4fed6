import Testing
@testable import DaybookMarkdown

@Suite struct URLResolverTests {
    let resolver = URLResolver(base: "https://example.org/papers/2405.01234/index.html?x=1#top")!

    @Test(arguments: [
        ("figure.png", "https://example.org/papers/2405.01234/figure.png"),
        ("../2405.09999/", "https://example.org/papers/2405.09999/"),
        ("../../../../up", "https://example.org/up"),
        ("/tags/llm/", "https://example.org/tags/llm/"),
        ("#method", "https://example.org/papers/2405.01234/index.html?x=1#method"),
        ("?page=2", "https://example.org/papers/2405.01234/index.html?page=2"),
        ("", "https://example.org/papers/2405.01234/index.html?x=1"),
        ("//cdn.example.net/a/../x.js", "https://cdn.example.net/x.js"),
        ("./a/./b/../c", "https://example.org/papers/2405.01234/a/c"),
        ("a/..", "https://example.org/papers/2405.01234/"),
        ("https://arxiv.org/abs/1", "https://arxiv.org/abs/1"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("javascript:alert(1)", "javascript:alert(1)"),
    ])
    func relativeReferencesResolveAsRFC3986Says(reference: String, expected: String) {
        #expect(resolver.resolve(reference) == expected)
    }

    @Test func aBaseWithoutPathGetsARootSlash() {
        #expect(URLResolver(base: "https://example.org")!.resolve("a/b") == "https://example.org/a/b")
    }

    @Test func aBaseWithoutSchemeIsRefused() {
        #expect(URLResolver(base: "/papers/") == nil)
        #expect(URLResolver(base: "example.org/papers/") == nil)
    }
}
