import DaybookSearch
import DaybookSite
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One served version of the site: its files, its pages and feeds (made when requested), its
/// search index's files (served from the index), `base_url`'s path, and the folders copied files
/// may come from (the theme's assets and KaTeX's folder; a symlink in them that points elsewhere
/// is refused).
public struct PreviewSite: Sendable {
    /// Files other than pages, feeds and the search index (those win over a page of the same
    /// path, as in a build).
    public var site: RenderedSite
    var pages: PreviewPages?
    var search: SearchFiles?
    public var basePath: String
    /// Resolved (no symlinks) folders that copied files may come from.
    public var sourceRoots: [String]

    /// `assetDirectory`: the theme's assets; `mathDirectory`: KaTeX's folder (its `fonts/` is
    /// often a symlink to the system's fonts, so that is resolved as well).
    public init(site: RenderedSite, basePath: String, assetDirectory: String, mathDirectory: String? = nil) {
        self.init(site: site, pages: nil, search: nil, basePath: basePath, assetDirectory: assetDirectory, mathDirectory: mathDirectory)
    }

    init(site: RenderedSite, pages: PreviewPages?, search: SearchFiles?, basePath: String, assetDirectory: String,
         mathDirectory: String? = nil) {
        self.site = site
        self.pages = pages
        self.search = search
        self.basePath = basePath
        var roots = [assetDirectory]
        if let mathDirectory { roots += [mathDirectory, mathDirectory + "/fonts"] }
        self.sourceRoots = roots.compactMap(PreviewSite.resolved)
    }

    /// Whether the site has a file at `path`.
    public func has(_ path: String) -> Bool {
        site[path] != nil || search?.text(at: path) != nil || pages?.has(path) == true
    }

    /// The bytes of a site file (a page or feed made now if it was not yet); nil when there is
    /// none, or when a copied file resolves to a place outside the source roots.
    public func contents(of path: String) -> [UInt8]? {
        switch site[path] {
        case .bytes(let bytes):
            return bytes
        case .copy(let source):
            guard let real = PreviewSite.resolved(source), sourceRoots.contains(where: { real.hasPrefix($0 + "/") }) else {
                return nil
            }
            return site.contents(of: path)
        case nil:
            if let text = search?.text(at: path) { return Array(text.utf8) }
            return pages?.contents(of: path)
        }
    }

    /// `realpath(3)`.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// The site currently served, swapped whole after each good build.
public final class PreviewStore: Sendable {
    private let current: Mutex<PreviewSite>

    public init(_ site: PreviewSite) {
        current = Mutex(site)
    }

    public var site: PreviewSite {
        current.withLock { $0 }
    }

    public func replace(with site: PreviewSite) {
        current.withLock { $0 = site }
    }
}
