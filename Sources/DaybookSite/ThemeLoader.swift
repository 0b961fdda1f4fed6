import DaybookContent
import Foundation
import Mustache

/// Finds and loads a theme: its `templates/*.mustache` (a site's own `templates/` folder overrides
/// single templates) and its `assets/`.
///
/// A theme named `name` is looked up in `<site>/Themes/<name>`, then in each folder of
/// `DAYBOOK_THEMES` (colon-separated), then beside the executable (`../share/daybook/Themes`), then
/// in the source tree Daybook was built from, so a folder with only `content/` still builds.
public struct ThemeLoader: Sendable {
    public let siteRoot: String
    public let searchPaths: [String]

    public init(siteRoot: String, searchPaths: [String]? = nil) {
        self.siteRoot = siteRoot
        self.searchPaths = searchPaths ?? ThemeLoader.defaultSearchPaths(siteRoot: siteRoot)
    }

    public static func defaultSearchPaths(siteRoot: String) -> [String] {
        var paths = [siteRoot + "/Themes"]
        if let env = ProcessInfo.processInfo.environment["DAYBOOK_THEMES"] {
            paths += env.split(separator: ":").map(String.init)
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        paths.append(executable.deletingLastPathComponent().appendingPathComponent("../share/daybook/Themes").standardized.path)
        // The source tree: Sources/DaybookSite/ThemeLoader.swift → ../../Themes
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes").path
        paths.append(source)
        return paths
    }

    /// Loads theme `name`. Template syntax errors come back as `path:line:column: message`; a theme
    /// not found is reported at `line` and `column` of `configPath`, where the config names it.
    public func load(name: String, configPath: String = "daybook.yml", line: Int = 0, column: Int = 0) throws(ContentError) -> Theme {
        let fm = FileManager.default
        guard let directory = searchPaths.map({ $0 + "/" + name }).first(where: { isDirectory($0) }) else {
            throw ContentError([Diagnostic(path: configPath, line: line, column: column,
                message: "theme '\(name)' not found (looked in \(searchPaths.map { $0 + "/" + name }.joined(separator: ", ")))")])
        }
        var sources: [String: (path: String, display: String)] = [:]
        for (name, path) in mustacheFiles(in: directory + "/templates") {
            sources[name] = (path, display(path))
        }
        for (name, path) in mustacheFiles(in: siteRoot + "/templates") {
            sources[name] = (path, display(path))
        }
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        FastHTMLContentType.registered
        for name in sources.keys.sorted() {
            let source = sources[name]!
            guard let data = fm.contents(atPath: source.path) else {
                problems.append(Diagnostic(path: source.display, message: "cannot read template"))
                continue
            }
            do {
                let text = FastHTMLContentType.pragma + String(decoding: data, as: UTF8.self)
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma shifts the first line's columns.
                let line = error.context.lineNumber, column = error.context.columnNumber
                problems.append(Diagnostic(path: source.display, line: line,
                                           column: line == 1 ? max(1, column - FastHTMLContentType.pragma.count) : column,
                                           message: "template error: \(ThemeLoader.describe(error.error))"))
            } catch {
                problems.append(Diagnostic(path: source.display, message: "template error: \(error)"))
            }
        }
        for required in Theme.requiredTemplates where sources[required] == nil {
            problems.append(Diagnostic(path: display(directory + "/templates"),
                                       message: "theme '\(name)' has no template '\(required).mustache'"))
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        var assets: [String: String] = [:]
        let assetRoot = directory + "/assets"
        if let walker = fm.enumerator(atPath: assetRoot) {
            while let relative = walker.nextObject() as? String {
                let full = assetRoot + "/" + relative
                if !isDirectory(full) && !ThemeLoader.isIgnored(relative) { assets[relative] = full }
            }
        }
        return Theme(name: name, directory: directory, templates: library, assets: assets,
                     templateNames: Set(sources.keys))
    }

    /// Editor leftovers and hidden files are never templates or assets.
    static func isIgnored(_ relative: String) -> Bool {
        let last = relative.split(separator: "/").last.map(String.init) ?? relative
        return last.hasPrefix(".") || last.hasSuffix("~") || last.hasSuffix(".swp") || last.hasPrefix("#")
    }

    private func mustacheFiles(in folder: String) -> [(String, String)] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [(String, String)] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".mustache"), !ThemeLoader.isIgnored(relative) else { continue }
            out.append((String(relative.dropLast(".mustache".count)), folder + "/" + relative))
        }
        return out
    }

    private func display(_ path: String) -> String {
        path.hasPrefix(siteRoot + "/") ? String(path.dropFirst(siteRoot.count + 1)) : path
    }

    private func isDirectory(_ path: String) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &flag) && flag.boolValue
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "section closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "unfinished tag"
        case MustacheTemplate.Error.expectedSectionEnd: return "section is not closed"
        default: return "\(error)"
        }
    }
}
