/// The key each output of the last build was made from, for `PagePlan`: from the build cache's
/// manifest (`daybook build`) or from the keys of the site the preview holds (`daybook serve`).
struct PageReuse: Sendable {
    private let keys: @Sendable (String) -> UInt64?

    /// The last build's manifest for this output folder, when it is trusted (see `CachedBuild`);
    /// nil on a first (or uncached) build.
    init(previous: BuildManifest?) {
        keys = { previous?.files[$0]?.key }
    }

    /// The keys of the outputs held in memory, by path.
    init(keys: [String: UInt64]) {
        self.keys = { keys[$0] }
    }

    /// The key the output at `path` was made from, if known.
    func key(_ path: String) -> UInt64? { keys(path) }
}
