import DaybookContent
import Foundation
import Testing
@testable import DaybookRender
@testable import DaybookSite

@Suite struct ThemeLoaderTests {
    /// A site with one template override, loaded with the default theme.
    func load(override text: String) throws -> ContentError? {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try text.write(toFile: root + "/templates/day.mustache", atomically: true, encoding: .utf8)
        do {
            _ = try ThemeLoader(siteRoot: root).load(name: "default")
            return nil
        } catch {
            return error
        }
    }

    /// Templates get a content-type pragma in front of their first line (fast escaping); errors
    /// must still point at the author's line and column.
    @Test func templateErrorsKeepTheirPositionOnTheFirstLineAndLater() throws {
        let first = try #require(try load(override: "<p>{{/papers}}</p>\n")?.diagnostics.first)
        let second = try #require(try load(override: "\n<p>{{/papers}}</p>\n")?.diagnostics.first)
        #expect(first.path.hasSuffix("templates/day.mustache"))
        #expect(first.line == 1 && second.line == 2)
        #expect(first.column == second.column && first.column > 0 && first.column <= 16, "\(first) vs \(second)")
    }

    @Test func escapingInTemplatesMatchesSwiftMustachesOwnHTMLEscaping() throws {
        #expect(FastHTMLContentType().escapeText(#"a < b & "c" > 'd' é"#) == "a &lt; b &amp; &quot;c&quot; &gt; &#39;d&#39; é")
    }

    /// Hidden files and folders and editor leftovers (the one rule, `FileNames.isIgnored`) are
    /// neither templates nor assets.
    @Test func hiddenFilesAndEditorLeftoversAreNeitherTemplatesNorAssets() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/Themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/Themes/default", toPath: root + "/Themes/default")
        let theme = root + "/Themes/default"
        try FileManager.default.createDirectory(atPath: theme + "/assets/.git", withIntermediateDirectories: true)
        for junk in ["assets/.git/config", "assets/style.css~", "assets/.style.css.swp", "assets/site.js.bak", "assets/4913",
                     "templates/#day.mustache#", "templates/.day.mustache.swp", "templates/broken.mustache~"] {
            try "{{#".write(toFile: theme + "/" + junk, atomically: false, encoding: .utf8)
        }
        let loaded = try ThemeLoader(siteRoot: root).load(name: "default")
        #expect(loaded.assets.keys.contains("style.css") && loaded.assets.keys.contains("site.js"))
        #expect(loaded.assets.keys.filter { $0.contains(".git") || $0.hasSuffix("~") || $0.hasSuffix(".swp") || $0.hasSuffix(".bak") || $0 == "4913" }.isEmpty,
                "\(loaded.assets.keys.sorted())")
        // The junk templates do not parse, so loading at all shows they were skipped.
        #expect(!loaded.templateNames.contains { $0.contains("#") || $0.hasPrefix(".") || $0.hasSuffix("~") })
    }
}
