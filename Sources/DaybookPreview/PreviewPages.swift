import DaybookRender
import Synchronization

/// The pages and feeds of one served version of the site, each made when it is first requested
/// and kept (within `budget` bytes) until an update makes it stale. So the preview holds no
/// rendered site: at 100,000 papers it would be a gigabyte, rendered in a minute after every
/// template change, for the few pages a writer looks at.
///
/// A version is the renderer of one build state and its jobs; the next version keeps what this
/// one made of every output whose key did not change (`PagePlan` decides that, as for
/// `daybook build`), so the bytes served are always what a full build would write. Jobs are held
/// in order, as the plan keeps their keys: after an edit that adds or removes no page, the next
/// version shares this one's path index and finds its kept outputs by position.
final class PreviewPages: Sendable {
    let renderer: SiteRenderer
    /// The pages' jobs (`renderer.pageJobs()`), then the feeds'.
    let jobs: [SiteRenderer.Job]
    /// Each job's key, by position; nil for a job that is made anew every time (`frame == nil`).
    private let keys: [UInt64?]
    private let index: PathIndex
    private let made: Mutex<Made>
    /// Bytes of made outputs kept before the older half is dropped.
    let budget: Int

    /// Positions of jobs by output path; shared by versions whose jobs have the same paths.
    final class PathIndex: Sendable {
        let positions: [String: Int]

        init(_ jobs: [SiteRenderer.Job]) {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(jobs.count)
            for (position, job) in jobs.enumerated() { positions[job.path] = position }
            self.positions = positions
        }
    }

    /// Outputs made so far by job position, in the order they were made.
    struct Made {
        var outputs: [Int: [UInt8]] = [:]
        var order: [Int] = []
        var bytes = 0

        mutating func add(_ position: Int, _ bytes: [UInt8]) {
            outputs[position] = bytes
            order.append(position)
            self.bytes += bytes.count
        }
    }

    /// `keys`: the keyed jobs' keys in job order (`PagePlan.keys`); `keeping`: the version this one
    /// follows, whose outputs with unchanged keys are kept.
    init(renderer: SiteRenderer, jobs: [SiteRenderer.Job], keys: OutputKeys, budget: Int = 256 << 20, keeping: PreviewPages? = nil) {
        self.renderer = renderer
        self.jobs = jobs
        self.budget = budget
        var byPosition = [UInt64?](repeating: nil, count: jobs.count)
        var next = 0
        for position in jobs.indices where next < keys.count && keys.paths[next] == jobs[position].path {
            byPosition[position] = keys.keys[next]
            next += 1
        }
        self.keys = byPosition
        let samePaths = keeping.map { old in
            old.jobs.count == jobs.count && jobs.indices.allSatisfy { old.jobs[$0] === jobs[$0] || old.jobs[$0].path == jobs[$0].path }
        } ?? false
        index = samePaths ? keeping!.index : PathIndex(jobs)
        var kept = Made()
        if let keeping {
            let old = keeping.made.withLock { $0 }
            for position in old.order {
                guard let bytes = old.outputs[position], let key = keeping.keys[position] else { continue }
                let now = samePaths ? position : index.positions[keeping.jobs[position].path]
                // Outputs whose key is the same are the same bytes: kept; the rest is stale.
                if let now, byPosition[now] == key { kept.add(now, bytes) }
            }
        }
        made = Mutex(kept)
    }

    /// Whether `path` is a page or feed of this version.
    func has(_ path: String) -> Bool { index.positions[path] != nil }

    /// Every page and feed path, in job order.
    var paths: [String] { jobs.map(\.path) }

    /// The output at `path`, made now if it was not yet; nil when no job makes it.
    func contents(of path: String) -> [UInt8]? {
        guard let position = index.positions[path] else { return nil }
        if let bytes = made.withLock({ $0.outputs[position] }) { return bytes }
        let bytes = jobs[position].make(renderer)
        made.withLock { made in
            guard made.outputs[position] == nil else { return }
            made.add(position, bytes)
            if made.bytes > budget {
                // Drop the older half (pages a writer looked at a while ago are made again if asked).
                let dropped = made.order.prefix(made.order.count / 2)
                for old in dropped { made.bytes -= made.outputs.removeValue(forKey: old)?.count ?? 0 }
                made.order.removeFirst(dropped.count)
            }
        }
        return bytes
    }

    /// How many outputs are held made.
    var madeCount: Int { made.withLock { $0.outputs.count } }
}
