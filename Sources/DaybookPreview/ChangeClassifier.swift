import DaybookSite
import DaybookSystem

/// Sorts watcher events into what the site builder understands: records, templates, assets,
/// the config, or (when unsure) everything. Hidden files and editor leftovers are ignored.
public struct ChangeClassifier: Sendable {
    /// Absolute site folder, without a trailing slash.
    public let siteRoot: String
    /// Absolute path of `daybook.yml`.
    public let configPath: String
    /// Absolute folder of the theme in use.
    public let themeDirectory: String

    public init(siteRoot: String, configPath: String, themeDirectory: String) {
        self.siteRoot = siteRoot
        self.configPath = configPath
        self.themeDirectory = themeDirectory
    }

    public func classify(_ events: [FileWatcher.Event]) -> SiteChangesBatch {
        var changes = SiteChangesBatch()
        for event in events { classify(event, into: &changes) }
        return changes
    }

    private func classify(_ event: FileWatcher.Event, into changes: inout SiteChangesBatch) {
        if event.kind == .overflow {
            changes.changes.everything = true
            return
        }
        let path = event.path
        if path == configPath {
            changes.changes.everything = true
            return
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard !ChangeClassifier.isTemporary(name) else { return }
        if let relative = ChangeClassifier.relative(path, to: themeDirectory) {
            if relative.hasPrefix("templates/") || relative == "templates" {
                if event.isDirectory ? event.kind == .removed : name.hasSuffix(".mustache") { changes.changes.templates = true }
            } else if relative.hasPrefix("assets/") || relative == "assets" {
                if !(event.isDirectory && event.kind == .created) { changes.changes.assets = true }
            } else if relative.hasPrefix("i18n/") || relative == "i18n" {
                // Interface strings: every page may show them, as with a template.
                changes.changes.templates = true
            }
            return
        }
        guard let relative = ChangeClassifier.relative(path, to: siteRoot) else { return }
        if relative.hasPrefix("content/") {
            if event.isDirectory {
                if event.kind == .removed { changes.changes.allContent = true }
            } else if name.hasSuffix(".md") || name.hasSuffix(".json") {
                changes.changes.records.insert(relative)
            }
        } else if relative.hasPrefix("templates/") {
            if event.isDirectory ? event.kind == .removed : name.hasSuffix(".mustache") { changes.changes.templates = true }
        } else if relative.hasPrefix("i18n/") {
            changes.changes.templates = true
        } else if ["content", "templates", "Themes", "i18n"].contains(relative) {
            // A top-level folder came or went (files may be in it before it is watched): reload
            // what it holds, all of it.
            switch relative {
            case "content": changes.changes.allContent = true
            case "templates", "i18n": changes.changes.templates = true
            default: changes.changes.everything = true
            }
            changes.foldersAppeared = changes.foldersAppeared || event.kind == .created
        }
    }

    static func relative(_ path: String, to root: String) -> String? {
        guard path.hasPrefix(root + "/") else { return nil }
        return String(path.dropFirst(root.utf8.count + 1))
    }

    /// Editor leftovers and hidden files, which the content loader skips too (`FileNames.isIgnored`).
    public static func isTemporary(_ name: String) -> Bool {
        FileNames.isIgnored(name)
    }
}

/// Classified changes, and whether top-level folders appeared (which then need watching).
public struct SiteChangesBatch: Sendable {
    public var changes = SiteChanges()
    public var foldersAppeared = false
}
