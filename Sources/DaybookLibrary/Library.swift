import DaybookContent
import DaybookSystem

/// The loaded papers, indexed the ways pages need them: by id, by featured day, by tag.
///
/// Orders are fixed so output is deterministic: days newest first; papers within a list by
/// upvotes (most first), then title, then id.
public struct Library: Sendable {
    public let papers: PaperList
    /// Index into `papers` by id.
    public let byID: [String: Int]
    /// Featured days, newest first.
    public let days: [Day]
    /// Paper indices per day, ranked.
    public let papersByDay: [Day: [Int]]
    /// Tags, sorted by their URL slug; each with its paper indices, newest day first then ranked.
    public let tags: [TagEntry]

    public struct TagEntry: Sendable {
        public let name: String
        public let slug: String
        public let papers: [Int]
    }

    public init(papers unsorted: [Paper]) {
        let ordered = zip(unsorted, unsorted.dropFirst()).allSatisfy { $0.id < $1.id }
        let papers = ordered ? unsorted : unsorted.sorted { $0.id < $1.id }
        self.papers = PaperList(papers)
        // Filled on another core while the days and tags are, for a large library.
        let indexByID = { @Sendable [papers] () -> [String: Int] in
            var byID: [String: Int] = [:]
            byID.reserveCapacity(papers.count)
            for (index, paper) in papers.enumerated() { byID[paper.id] = index }
            return byID
        }
        let ids = papers.count >= Library.manyPapers ? BackgroundWork(indexByID) : nil
        var byDay: [Day: [Int]] = [:]
        var byTag: [String: (name: String, papers: [Int])] = [:]
        // Each tag as written, with its slug: far fewer spellings than uses.
        var slugs: [String: String] = [:]
        for (index, paper) in papers.enumerated() {
            byDay[paper.day, default: []].append(index)
            var seen = Set<String>()
            for tag in paper.tags {
                let slug: String
                if let known = slugs[tag] {
                    slug = known
                } else {
                    slug = Routes.tagSlug(tag)
                    slugs[tag] = slug
                }
                guard seen.insert(slug).inserted else { continue }
                if byTag[slug] == nil { byTag[slug] = (tag, []) }
                byTag[slug]!.papers.append(index)
            }
        }
        let rank = Library.ranking(self.papers)
        for (day, list) in byDay { byDay[day] = list.sorted(by: rank) }
        self.papersByDay = byDay
        self.days = byDay.keys.sorted(by: >)
        // A tag's list is ordered as the days' lists joined newest day first: each paper's place
        // in that order, made once, is its sort key (no paper is read while sorting).
        var place = [Int](repeating: 0, count: papers.count)
        var next = 0
        for day in days {
            for index in byDay[day]! {
                place[index] = next
                next += 1
            }
        }
        self.tags = byTag.keys.sorted().map { slug in
            let entry = byTag[slug]!
            return TagEntry(name: entry.name, slug: slug, papers: entry.papers.sorted { place[$0] < place[$1] })
        }
        byID = ids?.take() ?? indexByID()
    }

    /// From how many papers a library is worth indexing on two cores.
    static let manyPapers = 10_000

    init(papers: PaperList, byID: [String: Int], days: [Day], papersByDay: [Day: [Int]], tags: [TagEntry]) {
        self.papers = papers
        self.byID = byID
        self.days = days
        self.papersByDay = papersByDay
        self.tags = tags
    }

    /// Most upvotes first, then title, then id. The upvotes are read once, into a flat array:
    /// most comparisons are settled there without reading either paper.
    static func ranking(_ papers: PaperList) -> (Int, Int) -> Bool {
        let upvotes = papers.map { $0.upvotes ?? -1 }
        return { a, b in
            let ua = upvotes[a], ub = upvotes[b]
            if ua != ub { return ua > ub }
            let pa = papers[a], pb = papers[b]
            if pa.title != pb.title { return pa.title < pb.title }
            return pa.id < pb.id
        }
    }

    /// The newest papers for feeds: newest day first, ranked within a day.
    public func newest(_ count: Int) -> [Int] {
        var out: [Int] = []
        out.reserveCapacity(min(count, papers.count))
        for day in days {
            for index in papersByDay[day]! {
                guard out.count < count else { return out }
                out.append(index)
            }
        }
        return out
    }

    /// The day before and after `day` that have papers.
    public func neighbours(of day: Day) -> (previous: Day?, next: Day?) {
        guard let position = days.firstIndex(of: day) else { return (nil, nil) }
        let previous = position + 1 < days.count ? days[position + 1] : nil
        let next = position > 0 ? days[position - 1] : nil
        return (previous, next)
    }

    /// Two records whose pages would land on the same URL (an old arXiv id `hep-ex/0307015`
    /// and a slug `hep-ex_0307015`), as diagnostics naming both files.
    public func urlCollisions(routes: Routes) -> [Diagnostic] {
        // Ids are unique, so two pages can share a URL only when an id's path segment differs
        // from the id (it has a `/`): the URLs are compared only then.
        guard papers.contains(where: { PaperID.pathSegment($0.id) != $0.id }) else { return [] }
        var owners: [String: Int] = [:]
        owners.reserveCapacity(papers.count)
        var problems: [Diagnostic] = []
        for (index, paper) in papers.enumerated() {
            let url = routes.paper(paper.id)
            if let first = owners[url] {
                let other = papers[first]
                problems.append(Diagnostic(path: paper.source.path, line: 1, column: 1,
                    message: "id '\(paper.id)' would be published at \(url), as is '\(other.id)' (\(other.source.path))"))
            } else {
                owners[url] = index
            }
        }
        return problems
    }
}
