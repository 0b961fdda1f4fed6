/// The key of every page and feed of one build, in job order: what the preview holds to plan its
/// next update (`PagePlan`), and what the build cache's manifest records per file.
///
/// Kept in order rather than only by path: after an edit that adds and removes no page, the next
/// plan's jobs come in the same order, so each finds its previous key by position, with no
/// hashing of paths.
package struct OutputKeys: Sendable {
    package private(set) var paths: [String] = []
    package private(set) var keys: [UInt64] = []

    package init() {}

    package mutating func reserve(_ count: Int) {
        paths.reserveCapacity(count)
        keys.reserveCapacity(count)
    }

    package mutating func append(_ path: String, _ key: UInt64) {
        paths.append(path)
        keys.append(key)
    }

    package var count: Int { paths.count }

    /// Every key by path.
    package var byPath: [String: UInt64] {
        Dictionary(zip(paths, keys), uniquingKeysWith: { first, _ in first })
    }
}
