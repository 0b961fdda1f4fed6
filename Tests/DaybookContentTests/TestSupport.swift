import DaybookTestSupport
import Foundation
@testable import DaybookContent

/// The error lines a throwing call produced, or `["no error"]` when it succeeded.
func errorLines(_ body: () throws(ContentError) -> Void) -> [String] {
    do {
        try body()
        return ["no error"]
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// `Tests/Fixtures/<name>`.
func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// A temporary site folder holding `files` (relative path → text); removed by `remove()`.
struct TemporarySite {
    private let folder = TemporaryFolder(label: "content")
    var root: String { folder.path }

    init(_ files: [String: String]) throws {
        for (path, text) in files { folder.write(path, text) }
    }

    func write(_ path: String, _ data: Data) throws { folder.write(path, bytes: Array(data)) }

    func remove() { folder.remove() }
}
