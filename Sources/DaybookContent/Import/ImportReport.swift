/// What an import did (or, in a dry run, would do) with each paper it was given, in input order.
public struct ImportReport: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// A record was created.
        case new
        /// An existing record learned something.
        case updated
        /// The record already knew everything the input says.
        case unchanged
        /// Nothing was written, for the reason given.
        case skipped(reason: String)
        /// An update-only paper (an arXiv `replace`) for which the site has no record: nothing written.
        case notOnSite
    }

    public struct Entry: Sendable, Hashable {
        public var id: String
        /// The record file, under the content folder (`papers/2025-12-29/2405.01234.md`).
        public var path: String
        public var outcome: Outcome
    }

    public var entries: [Entry] = []

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    public var newCount: Int { entries.count { $0.outcome == .new } }
    public var updatedCount: Int { entries.count { $0.outcome == .updated } }
    public var unchangedCount: Int { entries.count { $0.outcome == .unchanged } }
    public var skipped: [Entry] {
        entries.filter { if case .skipped = $0.outcome { true } else { false } }
    }

    public var notOnSiteCount: Int { entries.count { $0.outcome == .notOnSite } }

    /// `12 new, 3 updated, 40 unchanged, 1 skipped`, then `, 80 new versions of papers not on this site`
    /// when an arXiv announcement replaced papers the site does not have.
    public var summary: String {
        let base = "\(newCount) new, \(updatedCount) updated, \(unchangedCount) unchanged, \(skipped.count) skipped"
        let notOnSite = notOnSiteCount
        guard notOnSite > 0 else { return base }
        return base + ", \(notOnSite) new \(notOnSite == 1 ? "version" : "versions") of papers not on this site"
    }
}
