import DaybookContent
import Foundation
import Testing
@testable import DaybookSearch
@testable import DaybookSite

/// The search page and its script, as the theme ships them.
@Suite struct SearchPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The readable script (the page loads `search.min.js`, made from it).
    static let script: String = {
        (try? String(contentsOf: root.appendingPathComponent("Themes/default/assets/search.js"), encoding: .utf8)) ?? ""
    }()

    @Test func thePageFocusesTheBoxAndPointsTheScriptAtTheIndexUnderTheBasePath() throws {
        let html = try Reader.renderer([Reader.paper("2405.00001")]).renderSearch()
        #expect(html.contains("<input id=\"search-input\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" autofocus"))
        #expect(html.contains("data-index=\"/sub/papers/search/index/\""))
        #expect(html.contains("<link rel=\"preload\" href=\"/sub/papers/search/index/meta.json\" as=\"fetch\" crossorigin>"))
        #expect(html.contains("<script async src=\"/sub/papers/assets/search.min.js\"></script>"))
        #expect(html.contains("id=\"search-status\" class=\"lede\" role=\"status\" aria-live=\"polite\""))
        // Readable without JavaScript: the form still submits, and says where else to look.
        #expect(html.contains("<noscript>"))
        // No KaTeX on a site without math.
        #expect(!html.contains("katex"))
    }

    @Test func kaTeXIsOfferedToTheScriptNotLoadedByThePage() throws {
        let html = try Reader.renderer([Reader.paper("2405.00001", abstract: "$x$")], mathAssets: true).renderSearch()
        #expect(html.contains("data-katex-script=\"/sub/papers/assets/katex/katex.min.js\""))
        #expect(!html.contains("<script defer src=\"/sub/papers/assets/katex/katex.min.js\""))
    }

    @Test func theScriptFoldsAsTheIndexDoesAndTakesItsStopWordsFromTheIndex() throws {
        let script = SearchPageTests.script
        try #require(!script.isEmpty)
        for (letter, replacement) in SearchIndex.foldings {
            #expect(script.contains("\"\(letter)\": \"\(replacement)\""), "search.js lacks the folding \(letter) → \(replacement)")
        }
        let class_ = try #require(script.range(of: "/[ßæœøłđðþıħ]/g"))
        #expect(!class_.isEmpty && SearchIndex.foldings.keys.allSatisfy { script[class_].unicodeScalars.contains($0) })
        #expect(script.contains("meta.stopWords"))
        #expect(!script.contains("\"the\", \"their\""))
        // The postings alphabet is the index's.
        #expect(script.contains("var ALPHABET = \"" + String(decoding: SearchIndex.alphabet, as: UTF8.self) + "\""))
    }

    @Test func theMinifiedScriptIsMadeFromTheReadableOne() throws {
        // Its first line names the SHA-256 of the search.js it was made from (scripts/minify-search.sh).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", SearchPageTests.root.appendingPathComponent("scripts/minify-search.sh").path, "--check"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "search.min.js is not made from this search.js: run scripts/minify-search.sh")
    }
}
