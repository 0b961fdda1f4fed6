/// Which pages of the last build can stay as they are on disk.
struct PageReuse: Sendable {
    /// The last build's manifest for this output folder, when it is trusted (see `CachedBuild`);
    /// nil on a first (or uncached) build.
    let previous: BuildManifest?

    /// Whether the page at `path` was written from inputs with this `key`.
    func isCurrent(_ path: String, key: UInt64?) -> Bool {
        guard let key, let entry = previous?.files[path] else { return false }
        return entry.key == key
    }
}
