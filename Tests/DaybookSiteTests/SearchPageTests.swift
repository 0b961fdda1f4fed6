import DaybookContent
import Foundation
import Testing
@testable import DaybookRender
@testable import DaybookSearch
@testable import DaybookSite

/// The search page and its script, as the theme ships them.
@Suite struct SearchPageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The readable engine (the page carries it minified, as `templates/search-engine.mustache`,
    /// and its script loads `search-engine.min.js` where that cannot run).
    static let engine: String = {
        (try? String(contentsOf: root.appendingPathComponent("Themes/default/assets/search-engine.js"), encoding: .utf8)) ?? ""
    }()

    @Test func thePageFocusesTheBoxAndPointsTheScriptAtTheIndexUnderTheBasePath() throws {
        let html = try Reader.renderer([Reader.paper("2405.00001")]).renderSearch()
        #expect(html.contains("<input id=\"search-input\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" autofocus"))
        #expect(html.contains("data-index=\"/sub/papers/search/index/\""))
        #expect(html.contains("data-engine=\"/sub/papers/assets/search-engine.min.js\""))
        // Without the index's entry (a renderer not given it), the page preloads it.
        #expect(html.contains("<link rel=\"preload\" href=\"/sub/papers/search/index/meta.json\" as=\"fetch\" crossorigin>"))
        #expect(!html.contains("id=\"search-meta\""))
        #expect(html.contains("<link rel=\"preload\" href=\"/sub/papers/assets/search.min.js\" as=\"script\">"))
        #expect(html.contains("<script async src=\"/sub/papers/assets/search.min.js\"></script>"))
        // The site's script (copy buttons) is not loaded: the page has none.
        #expect(!html.contains("assets/site.js"))
        #expect(html.contains("id=\"search-status\" class=\"lede\" role=\"status\" aria-live=\"polite\""))
        // Readable without JavaScript: the form still submits, and says where else to look.
        #expect(html.contains("<noscript>"))
        // No KaTeX on a site without math.
        #expect(!html.contains("katex"))
    }

    @Test func thePageCarriesTheIndexEntryAndStartsTheQueryBeforeTheStylesheet() throws {
        let papers = [Reader.paper("2405.00001", title: "Sparse routing"), Reader.paper("2405.00002")]
        var renderer = try Reader.renderer(papers)
        let (library, views) = Reader.views(papers)
        let index = SearchIndex(routes: Reader.routes, library: library, views: views)
        renderer.searchEntry = index.entry
        let html = renderer.renderSearch()
        // meta.json's text, as the script reads it, with no request: no preload of it.
        let entry = String(index.entry.dropLast())
        #expect(index.entry.hasSuffix("}\n") && !entry.contains("</"))
        #expect(html.contains("<script type=\"application/json\" id=\"search-meta\">" + entry + "</script>\n"))
        #expect(!html.contains("search/index/meta.json"))
        // In the head, in this order, all before the stylesheet: the entry, the search script's
        // preload, the engine (search-engine.js, minified), which reads the entry and the address.
        func at(_ text: String) throws -> String.Index { try #require(html.range(of: text), "\(text)").lowerBound }
        let starter = try at("<script data-index=\"/sub/papers/search/index/\">")
        #expect(try at("id=\"search-meta\"") < at("<link rel=\"preload\" href=\"/sub/papers/assets/search.min.js\" as=\"script\">"))
        #expect(try at("as=\"script\">") < starter)
        #expect(try starter < at("<link rel=\"stylesheet\""))
        #expect(try at("<link rel=\"stylesheet\"") < at("</head>"))
        #expect(html[starter...].contains("daybookSearchEngine") && html[starter...].contains("search-meta"))
    }

    @Test func theEntryCannotEndItsElement() {
        #expect(SiteRenderer.scriptData("{\"a\":\"x</script>\"}\n") == "{\"a\":\"x<\\/script>\"}")
        #expect(SiteRenderer.scriptData("{\"a\":1}\n\n") == "{\"a\":1}")
        #expect(SiteRenderer.scriptData("{\"a\":\"<b>/\"}") == "{\"a\":\"<b>/\"}")
    }

    @Test func theSearchPageIsMadeAgainWhenTheIndexEntryChanges() throws {
        var renderer = try Reader.renderer([Reader.paper("2405.00001")])
        func frame() -> Int? { renderer.pageJobs().first { $0.path == "search/index.html" }?.frame }
        renderer.searchEntry = "{\"shards\":[\"ab\"]}\n"
        let before = frame()
        renderer.searchEntry = "{\"shards\":[\"ab\",\"ac\"]}\n"
        #expect(before != nil && frame() != nil && before != frame())
    }

    @Test func aBuiltSearchPageCarriesItsOwnIndexEntry() throws {
        let temp = try LocalizedSiteTests.site()
        defer { temp.cleanup() }
        let site = try LocalizedSiteTests.render(temp)
        let page = try #require(Reader.text(site, "search/index.html"))
        let meta = try #require(Reader.text(site, "search/index/meta.json"))
        #expect(page.contains("id=\"search-meta\">" + meta.dropLast() + "</script>"))
        // The other pages keep the site's script and carry no engine.
        let home = try #require(Reader.text(site, "index.html"))
        #expect(home.contains("assets/site.js") && !home.contains("daybookSearchEngine"))
        // The engine the page carries is the file's (the page's script loads that where the
        // inline one cannot run).
        let file = try #require(Reader.text(site, "assets/search-engine.min.js"))
        let code = file.drop { $0 != "\n" }.dropFirst()
        #expect(!code.isEmpty && page.contains("<script data-index=\"/papers/search/index/\">\n" + code + "</script>"))
    }

    @Test func kaTeXIsOfferedToTheScriptNotLoadedByThePage() throws {
        let html = try Reader.renderer([Reader.paper("2405.00001", abstract: "$x$")], mathAssets: true).renderSearch()
        #expect(html.contains("data-katex-script=\"/sub/papers/assets/katex/katex.min.js\""))
        #expect(!html.contains("<script defer src=\"/sub/papers/assets/katex/katex.min.js\""))
    }

    @Test func theEngineFoldsAsTheIndexDoesAndTakesItsStopWordsFromTheIndex() throws {
        let script = SearchPageTests.engine
        try #require(!script.isEmpty)
        for (letter, replacement) in SearchIndex.foldings {
            #expect(script.contains("\"\(letter)\": \"\(replacement)\""), "search-engine.js lacks the folding \(letter) → \(replacement)")
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
        #expect(process.terminationStatus == 0,
                "search.min.js, search-engine.min.js or templates/search-engine.mustache is not made from its source: run scripts/minify-search.sh")
    }
}
