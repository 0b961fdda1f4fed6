import DaybookTestSupport
import Foundation

/// A site folder in a fresh temporary directory, made from a fixture under `Tests/Fixtures/` or from
/// files a test writes. Removed with `remove()`.
struct SiteFolder {
    private let folder: TemporaryFolder
    var path: String { folder.path }

    /// An empty folder.
    init() {
        folder = TemporaryFolder(label: "cli-site")
    }

    /// A folder that already exists (made by a command); removed with its parent.
    init(existing path: String) {
        folder = TemporaryFolder(existing: path)
    }

    /// A copy of `Tests/Fixtures/NAME` (its `expected-*.txt` files stay behind).
    init(fixture name: String) throws {
        self.init()
        let source = SiteFolder.fixtures + "/" + name
        for item in try FileManager.default.contentsOfDirectory(atPath: source) where !item.hasPrefix("expected-") {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: path + "/" + item)
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let fixtures = repositoryRoot + "/Tests/Fixtures"

    func remove() { folder.remove() }

    func url(_ relative: String) -> String { path + "/" + relative }
    func write(_ relative: String, _ text: String) { folder.write(relative, text) }
    func read(_ relative: String) -> String? { folder.read(relative) }
    func exists(_ relative: String) -> Bool { folder.exists(relative) }

    /// Every file below `relative` (the whole folder by default), sorted, relative to it.
    func files(under relative: String = "") -> [String] { folder.files(under: relative) }

    /// Each file below `relative` with its bytes, to compare a folder before and after a command.
    func snapshot(under relative: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for file in files(under: relative) { out[file] = FileManager.default.contents(atPath: url(relative) + "/" + file) }
        return out
    }

    /// Runs `daybook ARGUMENTS` in this folder.
    func daybook(_ arguments: String..., environment: [String: String] = [:], input: String? = nil,
                 timeout: Duration = .seconds(120)) throws -> CommandResult {
        try DaybookExecutable.run(arguments, in: path, environment: environment, input: input, timeout: timeout)
    }
}
