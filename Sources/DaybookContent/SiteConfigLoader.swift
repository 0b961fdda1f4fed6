import DaybookSystem
import Yams

/// Reads `daybook.yml`. A missing or empty file gives the defaults (`SiteConfig()`); a bad value or
/// an unknown key is an error positioned at it. `deploy` is accepted and left to the deploy module;
/// `sources` and `contact` are for `daybook fetch` (see `FetchSource`).
///
/// ```swift
/// let config = try SiteConfigLoader.load(path: "mysite/daybook.yml", displayPath: "daybook.yml")
/// ```
public enum SiteConfigLoader {
    public static let knownKeys = ["title", "description", "base_url", "language", "theme", "output",
                                   "feed_items", "per_page", "deploy", "sources", "contact"]

    public static func load(path: String, displayPath: String) throws(ContentError) -> SiteConfig {
        let bytes: [UInt8]
        do throws(FileIO.Failure) {
            bytes = try FileIO.contents(path)
        } catch {
            if error.isMissing { return SiteConfig() }
            throw ContentError([Diagnostic(path: displayPath, message: "cannot read file: \(error.reason)")])
        }
        return try parse(bytes: bytes, displayPath: displayPath)
    }

    /// Where a top-level key's value is in the config file, for a message about it found later
    /// (the theme has no strings for the configured `language`); nil when the file does not set it.
    public static func position(of key: String, path: String, displayPath: String) -> (line: Int, column: Int)? {
        guard let bytes = try? FileIO.contents(path), let text = try? SourceText.decode(bytes, path: displayPath),
              let root = try? YAMLFieldReader.compose(text, path: displayPath, firstLine: 1),
              case let .mapping(mapping) = root,
              let node = mapping.first(where: { $0.key.string == key })?.value else { return nil }
        return YAMLFieldReader(path: displayPath, firstLine: 1).position(of: node)
    }

    /// Parses the file's bytes (UTF-8, a byte-order mark is skipped).
    public static func parse(bytes: [UInt8], displayPath: String) throws(ContentError) -> SiteConfig {
        let text = try SourceText.decode(bytes, path: displayPath)
        guard let root = try YAMLFieldReader.compose(text, path: displayPath, firstLine: 1),
              !YAMLFieldReader.isNull(root) else { return SiteConfig() }
        var reader = YAMLFieldReader(path: displayPath, firstLine: 1)
        let fields = reader.fields(of: root, known: knownKeys, context: nil)
        var config = SiteConfig()
        func line(_ key: String) -> String? {
            guard let node = fields[key] else { return nil }
            return reader.requiredLine(node, field: key)
        }
        if let value = line("title") { config.title = value }
        if let node = fields["description"], let value = reader.text(node, field: "description") {
            config.description = SourceText.collapsingWhitespace(value)
        }
        if let node = fields["base_url"] {
            if let value = reader.url(node, field: "base_url") {
                config.baseURL = SiteConfig.normalizedBaseURL(value)
            } else if YAMLFieldReader.isNull(node) {
                reader.fail("'base_url' must not be empty", at: node)
            }
        }
        if let value = line("language") { config.language = value }
        if let node = fields["theme"], let value = reader.requiredLine(node, field: "theme") {
            if value.contains("/") || value.hasPrefix(".") {
                reader.fail("'theme' must be a theme's folder name under Themes/, got \(SourceText.quoted(value))", at: node)
            } else {
                config.theme = value
                (config.themeLine, config.themeColumn) = reader.position(of: node)
            }
        }
        if let node = fields["output"], let value = reader.requiredLine(node, field: "output") {
            if let problem = outputProblem(value) {
                reader.fail("'output' \(problem), got \(SourceText.quoted(value))", at: node)
            } else {
                config.output = value
            }
        }
        if let node = fields["feed_items"], let value = reader.wholeNumber(node, field: "feed_items", minimum: 1) {
            config.feedItems = value
        }
        if let node = fields["per_page"], let value = reader.wholeNumber(node, field: "per_page", minimum: 1) {
            config.perPage = value
        }
        if let node = fields["sources"] { config.sources = sources(node, reader: &reader) }
        if let value = line("contact") { config.contact = value }
        guard reader.diagnostics.isEmpty else { throw ContentError(reader.diagnostics) }
        return config
    }

    /// The output folder is replaced on every build, so it must be a folder inside the site that
    /// holds nothing else: relative, no `..`, not the site itself or one of its input folders.
    private static func outputProblem(_ value: String) -> String? {
        if value.hasPrefix("/") || value.hasPrefix("~") { return "must be a folder inside the site (a relative path)" }
        let parts = value.split(separator: "/").filter { $0 != "." }
        if parts.isEmpty { return "must not be the site folder itself" }
        if parts.contains("..") { return "must not leave the site folder ('..')" }
        if ["content", "templates", "Themes", "static"].contains(String(parts[0])) {
            return "must not be an input folder (\(parts[0]))"
        }
        return nil
    }
}
