import DaybookContent
import Foundation
@testable import DaybookSite

/// A fresh temporary folder, removed by the caller with `cleanup()`.
struct TemporaryDirectory {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-test-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) {
        let full = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path + "/" + relative) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    func modificationDate(_ relative: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path + "/" + relative))?[.modificationDate] as? Date
    }

    /// Every file below `relative`, sorted, as paths relative to it.
    func files(under relative: String) -> [String] {
        let root = path + "/" + relative
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let item = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDir)
            if !isDir.boolValue { out.append(item) }
        }
        return out.sorted()
    }
}

/// The repository root, found from this file's path (Tests/DaybookSiteTests/…).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

func day(_ text: String) -> Day { Day(iso: text)! }

func paper(_ id: String, day dayText: String = "2026-11-20", upvotes: Int? = nil, title: String? = nil,
           tags: [String] = [], abstract: String = "An abstract.") -> Paper {
    Paper(id: id, title: title ?? "Paper \(id)", authors: ["Ada Lovelace"], day: day(dayText), upvotes: upvotes,
          tags: tags, abstract: abstract, source: SourceLocation(path: "content/papers/\(id).md", bodyLine: 5))
}
