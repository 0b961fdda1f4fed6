import DaybookContent
import DaybookLibrary
import DaybookRender
import DaybookSite
import DaybookSystem

/// The load steps of `IncrementalBuilder`, each turning its errors into a `BuildError`.
extension IncrementalBuilder {
    static func loadConfig(_ builder: SiteBuilder, origin: String?) throws(BuildError) -> SiteConfig {
        var config: SiteConfig
        do {
            config = try builder.loadConfig()
        } catch {
            throw BuildError(error.diagnostics)
        }
        if let origin {
            let trimmed = origin.hasSuffix("/") ? String(origin.dropLast()) : origin
            config.baseURL = trimmed + config.basePath
        }
        return config
    }

    /// Every record; with a cache folder in the options, files the content cache holds with
    /// their stamps are not parsed again (the cache is read, never written, by the preview).
    static func loadContent(_ builder: SiteBuilder) throws(BuildError) -> ContentLoadResult {
        let options = builder.options
        let reuse = options.cacheDirectory.map { folder in
            ContentCache(folder: folder).use(stamps: ContentCache.stamps(of: options.resolve("content"))).files
        }
        do {
            return try ContentLoader(siteRoot: options.siteRoot).load(reusing: reuse)
        } catch {
            throw BuildError(error.diagnostics)
        }
    }

    static func index(_ papers: [Paper], config: SiteConfig) throws(BuildError) -> Library {
        let library = Library(papers: papers)
        let collisions = library.urlCollisions(routes: Routes(config: config))
        guard collisions.isEmpty else { throw BuildError(collisions) }
        return library
    }

    /// The old and the new version of every paper that was added, removed or changed.
    static func difference(from old: Library, to papers: [Paper]) -> [Paper] {
        var changed: [Paper] = []
        var matched = 0
        for paper in papers {
            guard let index = old.byID[paper.id] else {
                changed.append(paper)
                continue
            }
            matched += 1
            if old.papers[index] != paper { changed += [old.papers[index], paper] }
        }
        if matched < old.papers.count {
            let ids = Set(papers.map(\.id))
            changed += old.papers.filter { !ids.contains($0.id) }
        }
        return changed
    }

    /// Reads one `.md` record with `PaperRecordParser`: the default `recordParser`.
    public static let recordFileParser: RecordParser = { (path: String, displayPath: String) throws(ContentError) in
        guard let bytes = FileIO.read(path) else {
            throw ContentError([Diagnostic(path: displayPath, message: "cannot read file")])
        }
        let parsed = try PaperRecordParser.parseWithPositions(bytes: bytes, path: displayPath)
        return ([parsed.paper], [parsed.paper.id: parsed.positions])
    }

    /// Whether `records` can be reloaded one file at a time: Markdown records only, and only
    /// while `content/` has no JSON imports (their papers merge with records of the same id).
    func canReloadSeparately(_ records: Set<String>) -> Bool {
        !contentHasImports && records.allSatisfy { $0.hasSuffix(".md") }
    }

    /// Whether `content/` holds any `.json` import.
    static func hasImports(_ builder: SiteBuilder) -> Bool {
        FileIO.walkFiles(builder.options.resolve("content")).contains { $0.hasSuffix(".json") }
    }

    /// Reloads only the files in `records` with `recordParser`: the new paper list and the
    /// changed papers, or nil when the result is uncertain (an id that another file also has).
    /// When every file holds the same id as before (an edit, not an add, delete or id change),
    /// only `edits` is set: the new version of each paper by its index in the library.
    func reloadSeparately(_ records: Set<String>) throws(BuildError)
        -> (papers: [Paper], changed: [Paper], edits: [Int: Paper]?, positions: [String: RecordPositions])? {
        guard let parser = recordParser else { return nil }
        var fresh: [Paper] = []
        var positions: [String: RecordPositions] = [:]
        var problems: [Diagnostic] = []
        for path in records.sorted() {
            let full = builder.options.resolve(path)
            guard FileIO.size(full) != nil else { continue }  // deleted
            do {
                let parsed = try parser(full, path)
                fresh += parsed.papers
                positions.merge(parsed.positions) { _, new in new }
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw BuildError(problems) }
        var freshIDs = Set<String>()
        var edits: [Int: Paper]? = fresh.count == records.count ? [:] : nil
        for paper in fresh {
            guard freshIDs.insert(paper.id).inserted else { return nil }
            guard let index = library.byID[paper.id] else {
                edits = nil
                continue
            }
            if !records.contains(library.papers[index].source.path) { return nil }
            // Each record file holds one paper: the same file with the same id is an edit.
            if library.papers[index].source.path == paper.source.path { edits?[index] = paper } else { edits = nil }
        }
        if let edits { return ([], [], edits, positions) }
        var kept: [Paper] = []
        kept.reserveCapacity(library.papers.count + fresh.count)
        var previous: [Paper] = []
        for paper in library.papers {
            if records.contains(paper.source.path) { previous.append(paper) } else { kept.append(paper) }
        }
        let before = Library(papers: previous)
        kept += fresh
        return (kept, IncrementalBuilder.difference(from: before, to: fresh), nil, positions)
    }
}
