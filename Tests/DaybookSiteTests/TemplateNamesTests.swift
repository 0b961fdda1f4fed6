import DaybookContent
import Foundation
import Mustache
import Testing
@testable import DaybookLibrary
@testable import DaybookRender
import DaybookSearch
@testable import DaybookSite

/// Every name a shipped template reads resolves, in the context its page kind is rendered with,
/// to a value, or is one its context documents as optional (`OptionalTemplateNames`): a mistyped
/// name in a template or a context fails here instead of rendering nothing.
@Suite struct TemplateNamesTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes/default/templates").path

    /// Papers that give every optional name a value somewhere: three days (the middle one has
    /// both neighbours), tags, links, a summary, dates, a withdrawn paper, many authors.
    static func renderer(language: String = "en") throws -> SiteRenderer {
        func paper(_ id: String, _ day: String, upvotes: Int) -> Paper {
            Paper(id: id, title: "Paper $x$ \(id)", authors: ["A", "B", "C", "D", "E"], day: Reader.day(day),
                  published: Reader.day("2026-11-01"), upvotes: upvotes, tags: ["llm", "vision"], summary: "A summary.",
                  links: PaperLinks(code: "https://github.com/a/b", project: "https://example.org/p"), stars: 12,
                  withdrawn: Reader.day("2026-11-25"), abstract: "An abstract with $x^2$.",
                  source: SourceLocation(path: "content/papers/\(id).md"))
        }
        var config = Reader.config
        config.language = language
        config.perPage = 1
        let (library, views) = Reader.views([paper("2411.00001", "2026-11-18", upvotes: 3),
                                             paper("2411.00002", "2026-11-19", upvotes: 2),
                                             paper("2411.00003", "2026-11-20", upvotes: 1)], routes: Routes(config: config))
        let theme = try ThemeLoader(siteRoot: "/nonexistent").load(name: "default", language: language)
        var renderer = SiteRenderer(config: config, library: library, views: views, theme: theme, mathAssets: true)
        // The search page carries the index's entry, as in a build.
        renderer.searchEntry = SearchIndex(routes: Routes(config: config), library: library, views: views).entry
        return renderer
    }

    /// One context per page kind, with its template.
    static func pages(_ renderer: SiteRenderer) -> [(template: String, context: any PageContext)] {
        let middle = Reader.day("2026-11-19")
        let week = renderer.periods(.week)[0], month = renderer.periods(.month)[0]
        let weekPages = Pagination.pages(total: week.papers.count, perPage: 1, first: renderer.routes.week(week.key),
                                         routes: renderer.routes)
        let monthPages = Pagination.pages(total: month.papers.count, perPage: 1, first: renderer.routes.month(month.key),
                                          routes: renderer.routes)
        return [
            ("home", renderer.homeContext()),
            ("day", renderer.dayContext(middle)),
            ("paper", renderer.paperContext(1)),
            ("period", renderer.periodContext(.week, 0, weekPages[1])),
            ("period", renderer.periodContext(.month, 0, monthPages[1])),
            ("tag", renderer.tagContext(0, nil)),
            ("tag", renderer.tagContext(0, 1)),
            ("tags", renderer.tagIndexContext()),
            ("archive", renderer.archiveContext()),
            ("search", renderer.searchContext()),
            ("not-found", renderer.notFoundContext()),
        ]
    }

    @Test(arguments: ["en", "zh"])
    func everyNameEachTemplateReadsHasAValue(language: String) throws {
        let renderer = try Self.renderer(language: language)
        let scanner = TemplateNameScanner(folder: Self.templates)
        var checked = 0
        for (template, context) in Self.pages(renderer) {
            let result = scanner.check(template, context: context)
            #expect(result.problems.isEmpty, "\(template): \(result.problems)")
            checked += result.checked
        }
        // The pages and their partials read a few hundred names; a scanner that reads none proves nothing.
        #expect(checked > 300, "\(checked)")
        let card = PaperCard.Context(site: renderer.site, paper: LocalizedPaper(renderer.views[0], strings: renderer.strings))
        let result = scanner.check("paper-card", context: card)
        #expect(result.problems.isEmpty && result.checked >= 10, "\(result)")
    }

    @Test func aMistypedNameIsFound() throws {
        let renderer = try Self.renderer()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-names-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{{page.titel}} {{#day}}{{lable}} {{#previous}}{{url}}{{/previous}}{{/day}} {{i18n.nav.lattest}} {{papers}}"
            .write(toFile: folder + "/day.mustache", atomically: true, encoding: .utf8)
        let result = TemplateNameScanner(folder: folder).check("day", context: renderer.dayContext(Reader.day("2026-11-19")))
        #expect(result.problems == ["page.titel", "lable", "i18n.nav.lattest"])
    }
}

/// Reads a template's tags and resolves each name as swift-mustache does (up the section stack),
/// following partials and the parent layout.
struct TemplateNameScanner {
    let folder: String

    enum Frame {
        case object(Any)
        /// A section that keeps the context (a boolean, an inverted section, a block).
        case same
        /// A section over nothing: its names cannot be checked.
        case absent
    }

    func source(_ name: String) -> String {
        (try? String(contentsOfFile: folder + "/" + name + ".mustache", encoding: .utf8)) ?? ""
    }

    func check(_ template: String, context: Any) -> (problems: [String], checked: Int) {
        var problems: [String] = []
        var checked = 0
        scan(template, stack: [.object(context)], problems: &problems, checked: &checked)
        return (problems, checked)
    }

    private func scan(_ template: String, stack start: [Frame], problems: inout [String], checked: inout Int) {
        var stack = start
        var parents: [(name: String, depth: Int)] = []
        for tag in TemplateTags.tags(in: source(template)) {
            let sigil = tag.first.map { "#^/>&<$!{".contains($0) ? $0 : " " } ?? " "
            var name = sigil == " " ? tag : String(tag.dropFirst())
            name = name.trimmingCharacters(in: .whitespaces)
            var transformed = false
            if let open = name.firstIndex(of: "("), name.hasSuffix(")") {  // a transform: empty(weeks) is a boolean
                name = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                transformed = true
            }
            let absent = stack.contains { if case .absent = $0 { return true } else { return false } }
            switch sigil {
            case "!": continue
            case "/":
                if let parent = parents.last, parent.depth == stack.count {
                    parents.removeLast()
                    scan(parent.name, stack: stack.dropLast(), problems: &problems, checked: &checked)
                }
                stack.removeLast()
                continue
            case ">":
                if !absent { scan(name, stack: stack, problems: &problems, checked: &checked) }
                continue
            case "<":
                stack.append(.same)
                parents.append((name, stack.count))
                continue
            case "$":
                stack.append(.same)
                continue
            default: break
            }
            var value: Any?
            if !absent && name != "." {
                checked += 1
                let (found, missingIsOptional) = resolve(name, in: stack)
                value = found
                if found == nil && !missingIsOptional { problems.append(name) }
            }
            switch sigil {
            case "#":
                if transformed { stack.append(.same) }
                else if absent || value == nil { stack.append(.absent) }
                else if let array = value as? [Any] { stack.append(array.first.map { .object($0) } ?? .absent) }
                else if value is Bool { stack.append(.same) }
                else { stack.append(.object(value!)) }
            case "^": stack.append(.same)
            default: break
            }
        }
    }

    /// The value of a dotted name, and whether a nil is documented as optional where it was looked up.
    private func resolve(_ name: String, in stack: [Frame]) -> (Any?, Bool) {
        let parts = name.split(separator: ".").map(String.init)
        for frame in stack.reversed() {
            guard case let .object(object) = frame, let first = child(parts[0], of: object) else { continue }
            var value: Any = first
            for part in parts.dropFirst() {
                guard let next = child(part, of: value) else { return (nil, Self.isOptional(part, in: value)) }
                value = next
            }
            return (value, false)
        }
        let optional = stack.contains { if case let .object(object) = $0 { return Self.isOptional(parts[0], in: object) } else { return false } }
        return (nil, optional && parts.count == 1)
    }

    private func child(_ name: String, of object: Any) -> Any? {
        guard let parent = object as? MustacheParent, let value = parent.child(named: name) else { return nil }
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional { return mirror.children.first?.value }
        return value
    }

    private static func isOptional(_ name: String, in object: Any) -> Bool {
        (type(of: object) as? OptionalTemplateNames.Type)?.optionalNames.contains(name) ?? false
    }
}
