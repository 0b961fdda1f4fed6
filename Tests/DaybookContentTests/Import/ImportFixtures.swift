import Foundation
@testable import DaybookContent
import DaybookTestSupport

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
        URL(fileURLWithPath: TemporaryFolder(label: "import").path, isDirectory: true)
    }
}

extension ImportFixtures {
    /// The repository's root folder.
    static let repositoryRoot = directory.deletingLastPathComponent().deletingLastPathComponent()
}
