import DaybookContent
import Foundation
@testable import DaybookLibrary
@testable import DaybookRender
@testable import DaybookSite

/// Helpers for the reader's pages and feeds tests (names prefixed to stay apart from other suites).
enum Reader {
    static let config = SiteConfig(title: "Reader & Papers", baseURL: "https://example.org/sub/papers/", feedItems: 50, perPage: 2)
    static let routes = Routes(config: config)

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func paper(_ id: String, day: String = "2026-11-20", upvotes: Int? = nil, title: String? = nil,
                      authors: [String] = ["Ada Lovelace"], tags: [String] = [], abstract: String = "An abstract.",
                      summary: String? = nil, withdrawn: String? = nil) -> Paper {
        Paper(id: id, title: title ?? "Paper \(id)", authors: authors, day: Reader.day(day), upvotes: upvotes,
              tags: tags, summary: summary, withdrawn: withdrawn.map(Reader.day), abstract: abstract,
              source: SourceLocation(path: "content/papers/\(id).md", bodyLine: 5))
    }

    static func views(_ papers: [Paper], routes: Routes = Reader.routes) -> (Library, [PaperView]) {
        let library = Library(papers: papers)
        return (library, PaperViewBuilder(routes: routes).build(library.papers))
    }

    static func renderer(_ papers: [Paper], config: SiteConfig = Reader.config, mathAssets: Bool = false) throws -> SiteRenderer {
        let routes = Routes(config: config)
        let (library, views) = Reader.views(papers, routes: routes)
        let theme = try ThemeLoader(siteRoot: "/nonexistent").load(name: "default")
        return SiteRenderer(config: config, library: library, views: views, theme: theme, mathAssets: mathAssets)
    }

    /// A temporary site folder with `daybook.yml` and paper records; removed with `remove()`.
    struct Site {
        let path: String

        init(config: String, papers: [String: String]) {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-reader-\(UUID().uuidString)").path
            write("daybook.yml", config)
            for (name, text) in papers { write("content/papers/" + name, text) }
        }

        func write(_ relative: String, _ text: String) {
            let url = URL(fileURLWithPath: path + "/" + relative)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! Data(text.utf8).write(to: url)
        }

        func remove() { try? FileManager.default.removeItem(atPath: path) }
    }

    static func text(_ site: RenderedSite, _ path: String) -> String? {
        site.contents(of: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A paper record file.
    static func record(_ id: String, day: String, upvotes: Int = 1, tags: [String] = [], title: String? = nil,
                       abstract: String = "Plain words.") -> String {
        """
        ---
        id: "\(id)"
        title: "\(title ?? "Paper \(id)")"
        authors: [Ada Lovelace]
        day: \(day)
        upvotes: \(upvotes)
        tags: [\(tags.joined(separator: ", "))]
        ---
        \(abstract)
        """
    }
}
