/// The key each output of the last build was made from, for `PagePlan`: from the build cache's
/// manifest (`daybook build`) or from the keys of the site the preview holds (`daybook serve`).
struct PageReuse: Sendable {
    private let manifest: BuildManifest?
    private let held: OutputKeys?

    /// The last build's manifest for this output folder, when it is trusted (see `CachedBuild`);
    /// nil on a first (or uncached) build.
    init(previous: BuildManifest?) {
        manifest = previous
        held = nil
    }

    /// The keys of the outputs held in memory, in the order their jobs came.
    init(keys: OutputKeys) {
        manifest = nil
        held = keys
    }

    /// Finds previous keys: by position first (the preview's keys), by path otherwise.
    struct Lookup {
        private let reuse: PageReuse?
        private var byPath: [String: UInt64]?
        /// Whether every lookup so far found the previous output at the same position.
        private(set) var inOrder = true

        init(_ reuse: PageReuse?) {
            self.reuse = reuse
        }

        /// The key the output at `path`, the `position`th job, was last made from, if known.
        mutating func key(_ path: String, at position: Int) -> UInt64? {
            guard let reuse else { return nil }
            if let manifest = reuse.manifest { return manifest.files[path]?.key }
            guard let held = reuse.held else { return nil }
            if inOrder, position < held.count, held.paths[position] == path { return held.keys[position] }
            inOrder = false
            if byPath == nil { byPath = held.byPath }
            return byPath?[path]
        }

        /// The held outputs that no job of `current` (with `count` jobs, all looked up) makes.
        func removed(from current: OutputKeys) -> [String] {
            guard let held = reuse?.held else { return [] }
            if inOrder && held.count == current.count { return [] }
            let now = Set(current.paths)
            return held.paths.filter { !now.contains($0) }.sorted()
        }
    }
}
