import Foundation

/// A site folder in a fresh temporary directory, made from a fixture under `Tests/Fixtures/` or from
/// files a test writes. Removed with `remove()`.
struct SiteFolder {
    let path: String

    /// An empty folder.
    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-cli-site-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
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

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    func url(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String) {
        let full = url(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: url(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative)) }

    /// Every file below `relative` (the whole folder by default), sorted, relative to it.
    func files(under relative: String = "") -> [String] {
        let root = relative.isEmpty ? path : url(relative)
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let item = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory)
            if !isDirectory.boolValue { out.append(item) }
        }
        return out.sorted()
    }

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
