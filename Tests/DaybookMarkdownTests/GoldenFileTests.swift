import Foundation
import Testing
@testable import DaybookMarkdown

/// Each `Golden/<name>.md` renders to exactly `Golden/<name>.html`.
/// Run with `DAYBOOK_UPDATE_GOLDEN=1` to rewrite the expected files (then review the diff).
@Suite struct GoldenFileTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let baseURL = "https://example.org/papers/2405.01234/"

    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
    }

    @Test func theGoldenFolderHoldsEveryCaseWithItsExpectedHTML() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
        #expect(Self.names.count >= 13)
        for name in Self.names {
            #expect(files.contains("\(name).html"), "\(name).md has no \(name).html")
        }
    }

    @Test(arguments: names)
    func markdownRendersExactlyAsTheGoldenFile(name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent("\(name).md"), encoding: .utf8)
        let html = MarkdownRenderer().render(source, baseURL: Self.baseURL).html
        let expectedURL = Self.folder.appendingPathComponent("\(name).html")
        if ProcessInfo.processInfo.environment["DAYBOOK_UPDATE_GOLDEN"] == "1" {
            try html.write(to: expectedURL, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        #expect(html == expected)
    }
}
