import DaybookContent
import DaybookTestSupport
import Foundation
@testable import DaybookSite

/// A fresh temporary folder (the shared `TemporaryFolder`), removed by the caller with `cleanup()`.
struct TemporaryDirectory {
    private let folder = TemporaryFolder(label: "test")
    var path: String { folder.path }

    func cleanup() { folder.remove() }
    func write(_ relative: String, _ text: String) { folder.write(relative, text) }
    func read(_ relative: String) -> String? { folder.read(relative) }

    func modificationDate(_ relative: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: path + "/" + relative))?[.modificationDate] as? Date
    }

    /// Every file below `relative`, sorted, as paths relative to it.
    func files(under relative: String) -> [String] { folder.files(under: relative) }
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
