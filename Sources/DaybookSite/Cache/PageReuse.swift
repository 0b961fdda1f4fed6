/// Which pages of the last build can stay as they are on disk.
struct PageReuse: Sendable {
    /// The last build's manifest for this output folder; nil on a first (or uncached) build.
    let previous: BuildManifest?

    /// Whether the page at `path` was written from inputs with this `key` and is untouched since.
    func isCurrent(_ path: String, key: UInt64?) -> Bool {
        guard let key, let previous, let entry = previous.files[path], entry.key == key else { return false }
        return FileStamp(path: previous.output + "/" + path) == entry.stamp
    }
}
