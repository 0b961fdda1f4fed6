import DaybookContent
import DaybookSystem
import Foundation
import Mustache

/// Finds and loads a theme: its `templates/*.mustache` (a site's own `templates/` folder overrides
/// single templates), its interface strings in the site's language (`i18n/<language>.yml`; a
/// site's own `i18n/<language>.yml` overrides single keys) and its `assets/`.
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

    /// Loads theme `name` with its strings for `language`. Template syntax errors come back as
    /// `path:line:column: message`; a theme not found is reported at `line` and `column` of
    /// `configPath`, where the config names it. Without `language`, the language is read from
    /// `configPath` (English when there is no config file).
    public func load(name: String, configPath: String = "daybook.yml", line: Int = 0, column: Int = 0,
                     language: String? = nil) throws(ContentError) -> Theme {
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
        var parsed: [String: MustacheTemplate] = [:]
        var problems: [Diagnostic] = []
        var requirements = InterfaceKey.all.map { InterfaceStringsLoader.Requirement($0) }
        FastHTMLContentType.registered
        var sourceHash = StableHasher()
        for name in sources.keys.sorted() {
            let source = sources[name]!
            guard let data = fm.contents(atPath: source.path) else {
                problems.append(Diagnostic(path: source.display, message: "cannot read template"))
                continue
            }
            sourceHash.combine(name)
            sourceHash.combine(XXH64.hash(Array(data)))
            do {
                let source = String(decoding: data, as: UTF8.self)
                requirements += InterfaceText.keys(inTemplate: source).map {
                    InterfaceStringsLoader.Requirement($0, reader: "\(name).mustache")
                }
                let text = FastHTMLContentType.pragma + source
                let template = try MustacheTemplate(string: text)
                library.register(template, named: name)
                parsed[name] = template
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
        let selected: String
        if let language { selected = language } else { selected = try configuredLanguage(configPath) }
        let strings = try loadStrings(theme: name, directory: directory, language: selected, configPath: configPath,
                                      requirements: requirements)
        var assets: [String: String] = [:]
        let assetRoot = directory + "/assets"
        ThemeLoader.walk(assetRoot) { relative in assets[relative] = assetRoot + "/" + relative }
        return Theme(name: name, directory: directory, templates: library, plans: RenderPlanCompiler.compile(parsed),
                     templatesHash: sourceHash.value, assets: assets, templateNames: Set(sources.keys), strings: strings)
    }

    private func configuredLanguage(_ configPath: String) throws(ContentError) -> String {
        try SiteConfigLoader.load(path: resolve(configPath), displayPath: configPath).language
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : siteRoot + "/" + path
    }

    /// The strings for `language`: the theme's `i18n/<tag>.yml` and the site's, the site's keys
    /// winning; `zh-CN` falls back to `zh.yml` when there is no `zh-CN.yml`. Every key in
    /// `requirements` must be there.
    private func loadStrings(theme: String, directory: String, language tag: String, configPath: String,
                             requirements: [InterfaceStringsLoader.Requirement]) throws(ContentError) -> InterfaceStrings {
        let folders = [directory + "/i18n", siteRoot + "/i18n"]
        func problem(_ message: String) -> ContentError {
            let position = SiteConfigLoader.position(of: "language", path: resolve(configPath), displayPath: configPath)
            return ContentError([Diagnostic(path: configPath, line: position?.line ?? 0, column: position?.column ?? 0,
                                            message: message)])
        }
        guard !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw problem("'language' must be a language tag like 'en' or 'zh-CN', got \"\(tag)\"")
        }
        let primary = String(tag.prefix { $0 != "-" && $0 != "_" })
        for candidate in [tag, primary] {
            let files = folders.map { $0 + "/" + candidate + ".yml" }.filter { FileManager.default.fileExists(atPath: $0) }
            if !files.isEmpty {
                return try InterfaceStringsLoader.load(language: tag, files: files.map { ($0, display($0)) }, required: requirements)
            }
        }
        let shipped = (try? FileManager.default.contentsOfDirectory(atPath: folders[0])) ?? []
        let available = shipped.filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
        throw problem("theme '\(theme)' has no strings for language '\(tag)': no \(tag).yml in \(display(folders[0]))"
                      + (available.isEmpty ? "" : " (it has \(available.joined(separator: ", ")))")
                      + "; add one, or a site-wide i18n/\(tag).yml")
    }

    /// Every file below `folder` (relative paths), hidden files and folders and editor leftovers
    /// left out (`FileNames.isIgnored`): those are never templates or assets.
    static func walk(_ folder: String, _ visit: (String) -> Void) {
        FileIO.walk(folder, followingLinks: false, skip: { name, _ in FileNames.isIgnored(name) }) { relative, entry in
            if entry.kind == .file { visit(relative) }
        }
    }

    private func mustacheFiles(in folder: String) -> [(String, String)] {
        var out: [(String, String)] = []
        ThemeLoader.walk(folder) { relative in
            guard relative.hasSuffix(".mustache") else { return }
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
