import DaybookSite
import Foundation

/// A site folder in a temp dir, with its own copy of the default theme so tests may edit it.
final class TestSite {
    let root: String

    init(papers: Int = 0, baseURL: String = "https://example.org/papers/") throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-preview-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base + "/content/papers", withIntermediateDirectories: true)
        root = PreviewPaths.resolved(base) ?? base
        try FileManager.default.createDirectory(atPath: root + "/Themes", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: TestSite.defaultTheme, toPath: root + "/Themes/default")
        try write("daybook.yml", "title: Test Papers\nbase_url: \(baseURL)\n")
        for index in 0..<papers { try writeRecord(TestSite.record(index)) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    static var defaultTheme: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes/default").path
    }

    struct Record {
        var id: String
        var title: String
        var day: String
        var upvotes: Int
        var tags: [String]
        var abstract: String

        var relativePath: String { "content/papers/\(day)/\(id).md" }

        var text: String {
            """
            ---
            id: "\(id)"
            title: "\(title)"
            authors: [Ada Lovelace, Alan Turing]
            day: \(day)
            upvotes: \(upvotes)
            tags: [\(tags.joined(separator: ", "))]
            ---
            \(abstract)

            """
        }
    }

    static let tagPool = ["llm", "vision", "agents", "rl", "diffusion"]

    /// A deterministic record: five days, upvote ties, two tags each.
    static func record(_ index: Int) -> Record {
        Record(id: String(format: "2411.%05d", index), title: "Paper number \(index)",
               day: String(format: "2026-11-%02d", 16 + index % 5), upvotes: (index * 7) % 11,
               tags: [tagPool[index % 5], tagPool[(index + 2) % 5]],
               abstract: "We study **problem \(index)** with $x_\(index)$ and [a link](https://example.org/\(index)).")
    }

    @discardableResult
    func writeRecord(_ record: Record, path: String? = nil) throws -> String {
        let relative = path ?? record.relativePath
        try write(relative, record.text)
        return relative
    }

    /// Writes a file the way editors save: a temp file beside it, then a rename.
    func write(_ relative: String, _ text: String) throws {
        let path = root + "/" + relative
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = folder + "/.\((path as NSString).lastPathComponent).tmp\(UUID().uuidString.prefix(6))"
        try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: root + "/" + relative, encoding: .utf8)
    }

    func remove(_ relative: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + relative)
    }

    func move(_ from: String, _ to: String) throws {
        try FileManager.default.createDirectory(atPath: ((root + "/" + to) as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: root + "/" + from, toPath: root + "/" + to)
    }

    func options() -> BuildOptions {
        BuildOptions(siteRoot: root)
    }
}

enum PreviewPaths {
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
