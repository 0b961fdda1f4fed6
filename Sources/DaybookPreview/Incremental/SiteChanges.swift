/// What changed on disk since the last build, as the preview's watcher classifies it.
/// `IncrementalBuilder.apply(_:)` rebuilds only what depends on it.
public struct SiteChanges: Sendable, Hashable {
    /// Record files created, modified or deleted, relative to the site root
    /// (`content/papers/2026-11-20/2405.01234.md`).
    public var records: Set<String> = []
    /// Something in `content/` that is not one record (a folder moved or deleted, lost events):
    /// reload every record, then still render only the pages of papers that differ.
    public var allContent = false
    /// A template (theme or site) changed: reload the theme and render every page.
    public var templates = false
    /// A theme asset changed, appeared or went away.
    public var assets = false
    /// The config, or anything not understood: rebuild everything.
    public var everything = false

    public init(records: Set<String> = [], allContent: Bool = false, templates: Bool = false,
                assets: Bool = false, everything: Bool = false) {
        self.records = records
        self.allContent = allContent
        self.templates = templates
        self.assets = assets
        self.everything = everything
    }

    public var isEmpty: Bool { records.isEmpty && !allContent && !templates && !assets && !everything }

    public mutating func formUnion(_ other: SiteChanges) {
        records.formUnion(other.records)
        allContent = allContent || other.allContent
        templates = templates || other.templates
        assets = assets || other.assets
        everything = everything || other.everything
    }
}
