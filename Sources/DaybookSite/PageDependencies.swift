import DaybookContent

/// Which pages a set of changed papers can affect, decided from each page's output path.
///
/// The contract with `SiteRenderer`: a page at `<family>/<key>/…` (for the families below) shows
/// only the papers whose key in that family is `<key>`, plus link data (URL, label, count) of the
/// neighbouring keys in that family's order (previous/next day, week, month). Every other page
/// Paper pages also show their related papers, so a changed paper's tags widen the paper pages
/// to render. Every other page (home, archive, tag index, search, 404, and any family or key not listed here) may show
/// anything, so it is always rendered. A new page kind is therefore correct without changes
/// here; listing its family only makes it faster. The preview's tests compare each incremental
/// build with a full build, byte for byte, so a page that breaks the contract shows up there.
struct PageDependencies {
    /// Family → the keys whose pages must be rendered.
    private var affected: [String: Set<String>] = [:]
    /// Family → every key the old or new library has; a page with another key is always rendered.
    private var known: [String: Set<String>] = [:]
    private let oldLibrary: Library
    private let newLibrary: Library

    /// The families whose pages depend only on their own key's papers (and neighbours' links).
    static func keys(of paper: Paper) -> [(family: String, key: String)] {
        var out: [(String, String)] = [
            ("papers", PaperID.pathSegment(paper.id)),
            ("days", paper.day.description),
            ("weeks", paper.day.weekKey),
            ("months", paper.day.monthKey),
        ]
        for tag in paper.tags { out.append(("tags", Routes.tagSlug(tag))) }
        return out
    }

    /// `changed` holds the old and the new version of every paper that differs.
    init(changed: [Paper], old: Library, new: Library) {
        oldLibrary = old
        newLibrary = new
        for paper in changed {
            for (family, key) in PageDependencies.keys(of: paper) { affected[family, default: []].insert(key) }
        }
        // A paper page also lists related papers (shared tags): every paper sharing a tag with a
        // changed paper, before or after the change, may show it.
        let changedTags = Set(changed.flatMap { $0.tags.map(Routes.tagSlug) })
        if !changedTags.isEmpty {
            for library in [old, new] {
                for entry in library.tags where changedTags.contains(entry.slug) {
                    for index in entry.papers {
                        affected["papers", default: []].insert(PaperID.pathSegment(library.papers[index].id))
                    }
                }
            }
        }
        let orders: [(String, (Library) -> [String])] = [
            ("days", { $0.days.map(\.description) }),
            ("weeks", { PageDependencies.unique($0.days.map(\.weekKey)) }),
            ("months", { PageDependencies.unique($0.days.map(\.monthKey)) }),
            ("tags", { $0.tags.map(\.slug) }),
        ]
        for (family, order) in orders {
            let lists = [order(old), order(new)]
            known[family] = Set(lists.joined())
            guard let keys = affected[family] else { continue }
            var widened = keys
            for list in lists {
                for (position, key) in list.enumerated() where keys.contains(key) {
                    if position > 0 { widened.insert(list[position - 1]) }
                    if position + 1 < list.count { widened.insert(list[position + 1]) }
                }
            }
            affected[family] = widened
        }
    }

    private static func unique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }

    /// Whether the page at output path `path` must be rendered again.
    func includes(_ path: String) -> Bool {
        let bytes = path.utf8
        guard let firstSlash = bytes.firstIndex(of: UInt8(ascii: "/")) else { return true }
        let afterFirst = bytes.index(after: firstSlash)
        guard let secondSlash = bytes[afterFirst...].firstIndex(of: UInt8(ascii: "/")) else { return true }
        let family = String(path[..<firstSlash])
        let key = String(path[afterFirst..<secondSlash])
        if family == "papers" {
            guard oldLibrary.byID[key] != nil || newLibrary.byID[key] != nil else { return true }
        } else {
            guard let keys = known[family], keys.contains(key) else { return true }
        }
        return affected[family]?.contains(key) ?? false
    }
}
