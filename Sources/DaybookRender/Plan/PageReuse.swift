/// The key each output of the last build was made from, for `PagePlan`: from the build cache's
/// manifest (`daybook build`) or from the keys of the site the preview holds (`daybook serve`).
package struct PageReuse: Sendable {
    /// Makes the lookup of recorded keys by path (once per `Lookup`, not once per path: the
    /// manifest it reads may still be decoding when the plan starts).
    private let recorded: MakeLookup?
    package typealias MakeLookup = @Sendable () -> (String) -> UInt64?
    private let held: OutputKeys?

    /// Keys recorded by path: the build cache's manifest for the output folder (`CachedBuild`),
    /// whose `lookup` is made when the first key is asked for.
    package init(recorded lookup: @escaping MakeLookup) {
        recorded = { lookup() }
        held = nil
    }

    /// The keys of the outputs held in memory, in the order their jobs came.
    package init(keys: OutputKeys) {
        recorded = nil
        held = keys
    }

    /// The key the build cache recorded for an output, by path (nil for every path with held
    /// keys: the preview's hold only pages and feeds). Make it once for many paths.
    package func recordedKeys() -> (String) -> UInt64? { recorded?() ?? { _ in nil } }

    /// Finds previous keys: by position first (the preview's keys), by path otherwise.
    package struct Lookup {
        private let reuse: PageReuse?
        private var byPath: [String: UInt64]?
        /// The recorded keys' lookup, made at the first key asked for.
        private var recorded: ((String) -> UInt64?)?
        /// Whether every lookup so far found the previous output at the same position.
        package private(set) var inOrder = true

        package init(_ reuse: PageReuse?) {
            self.reuse = reuse
        }

        /// The key the output at `path`, the `position`th job, was last made from, if known.
        package mutating func key(_ path: String, at position: Int) -> UInt64? {
            guard let reuse else { return nil }
            if let make = reuse.recorded {
                if recorded == nil { recorded = make() }
                return recorded!(path)
            }
            guard let held = reuse.held else { return nil }
            if inOrder, position < held.count, held.paths[position] == path { return held.keys[position] }
            inOrder = false
            if byPath == nil { byPath = held.byPath }
            return byPath?[path]
        }

        /// The held outputs that no job of `current` makes (every job of it looked up first).
        package func removed(from current: OutputKeys) -> [String] {
            guard let held = reuse?.held else { return [] }
            if inOrder && held.count == current.count { return [] }
            let now = Set(current.paths)
            return held.paths.filter { !now.contains($0) }.sorted()
        }
    }
}
