import DaybookDeploy
import DaybookTestSupport
import Foundation
import Testing

/// A small built site in a temporary folder: pages, assets, feeds, sitemap.
struct SiteTree {
    let root: String

    static let standardFiles: [String: String] = [
        "index.html": "<!doctype html><title>Daily Papers</title><link rel=stylesheet href=/assets/style.3f2a9c1b.css>",
        "404.html": "<!doctype html><title>Not found</title>",
        "assets/style.3f2a9c1b.css": "body { font-family: serif; }",
        "assets/app.js": "console.log('search');",
        "assets/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "papers/2405.01234/index.html": "<!doctype html><title>A paper</title><p>Abstract one.",
        "papers/2405.05678/index.html": "<!doctype html><title>Another paper</title><p>Abstract two.",
        "days/2026-11-20/index.html": "<!doctype html><title>2026-11-20</title>",
        "search/index.json": "[{\"id\":\"2405.01234\"}]",
        "feed.xml": "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Papers</title></channel></rss>",
        "feed.json": "{\"version\":\"https://jsonfeed.org/version/1.1\"}",
        "sitemap.xml": "<?xml version=\"1.0\"?><urlset/>",
    ]

    init(files: [String: String] = SiteTree.standardFiles) throws {
        root = TemporaryFolder(label: "deploy-tests-site").path
        for (path, text) in files { try write(path, text) }
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, bytes: Array(text.utf8))
    }

    func write(_ path: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(atPath: root + "/" + path)
    }

    /// Every file's bytes, by relative path.
    func contents() throws -> [String: [UInt8]] {
        FolderListing.contents(under: root)
    }

    func delete() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

/// Fails the test (loudly, naming the fix) unless the error's text is exactly `expected`.
func expectError(_ expected: String, sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: () async throws -> Void) async {
    do {
        try await body()
        Issue.record("expected the error: \(expected)", sourceLocation: sourceLocation)
    } catch {
        #expect(String(describing: error) == expected, sourceLocation: sourceLocation)
    }
}

/// An error a test injects.
struct InjectedFailure: Error, CustomStringConvertible {
    var description: String { "injected failure" }
}

/// Counts calls across tasks, and fails from the `limit`-th call on.
final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var calls = 0
    private var recorded: [String] = []
    let limit: Int?

    init(failingFrom limit: Int? = nil) {
        self.limit = limit
    }

    /// Returns whether this call must fail.
    func count(_ label: String = "") -> Bool {
        lock.withLock {
            calls += 1
            recorded.append(label)
            return limit.map { calls > $0 } ?? false
        }
    }

    var value: Int { lock.withLock { calls } }
    var labels: [String] { lock.withLock { recorded } }
}
