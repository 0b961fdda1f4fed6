import Foundation
@testable import DaybookContent

/// Files under `Tests/ImportFixtures/` (importer inputs, not sites) and helpers shared by the import tests.
enum ImportFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("ImportFixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// A fresh empty directory under the system temp folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("daybook-import-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension ImportFixtures {
    /// The repository's root folder.
    static let repositoryRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
}
