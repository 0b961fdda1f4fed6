import Foundation

/// A fresh folder under the system's temporary directory, for a test to fill and read back;
/// removed with `remove()`. The one copy of the temporary-folder helpers of every test target
/// (the CLI's `SiteFolder`, the site tests' `TemporaryDirectory`, the deploy tests' `SiteTree`).
public struct TemporaryFolder: Sendable {
    public let path: String

    /// An empty folder named `daybook-<label>-<UUID>`.
    public init(label: String) {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-\(label)-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A folder that already exists (made by the code under test).
    public init(existing path: String) {
        self.path = path
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `relative`.
    public func url(_ relative: String) -> String { relative.isEmpty ? path : path + "/" + relative }

    /// Writes `text` to `relative`, creating its folders.
    public func write(_ relative: String, _ text: String) {
        write(relative, bytes: Array(text.utf8))
    }

    public func write(_ relative: String, bytes: [UInt8]) {
        let full = url(relative)
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(bytes).write(to: URL(fileURLWithPath: full))
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: url(relative)).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: url(relative)) }

    /// Every file below `relative` (the whole folder by default), sorted, relative to it.
    public func files(under relative: String = "") -> [String] {
        FolderListing.files(under: url(relative))
    }
}

/// What a folder holds, for tests to compare before and after.
public enum FolderListing {
    /// Every file below `root` (links to folders are not entered), sorted, relative to it.
    public static func files(under root: String) -> [String] {
        entries(under: root).filter { !$0.isDirectory }.map(\.path)
    }

    /// Every folder below `root`, sorted, relative to it.
    public static func folders(under root: String) -> [String] {
        entries(under: root).filter(\.isDirectory).map(\.path)
    }

    /// Each file below `root` with its bytes.
    public static func contents(under root: String) -> [String: [UInt8]] {
        var out: [String: [UInt8]] = [:]
        for file in files(under: root) {
            out[file] = FileManager.default.contents(atPath: root + "/" + file).map { Array($0) }
        }
        return out
    }

    private static func entries(under root: String) -> [(path: String, isDirectory: Bool)] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [(path: String, isDirectory: Bool)] = []
        while let item = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory)
            out.append((item, isDirectory.boolValue))
        }
        return out.sorted { $0.path < $1.path }
    }
}
