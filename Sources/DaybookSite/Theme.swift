import Mustache

/// A loaded theme: compiled templates and the static files to copy to `assets/`.
public struct Theme: Sendable {
    public let name: String
    /// Where the theme was found.
    public let directory: String
    public let templates: MustacheLibrary
    /// Asset files: path relative to `assets/` → absolute source path. Sorted by key when written.
    public let assets: [String: String]
    /// Template names present (without `.mustache`).
    public let templateNames: Set<String>

    /// Templates every theme must provide.
    public static let requiredTemplates = ["layout", "home", "day", "paper", "not-found", "archive", "period",
                                           "tags", "tag", "search"]
}
