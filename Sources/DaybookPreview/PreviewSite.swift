import DaybookSite
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One served version of the site: the rendered files, `base_url`'s path, and the one folder
/// copied files may come from (theme assets; a symlink in it that points elsewhere is refused).
public struct PreviewSite: Sendable {
    public var site: RenderedSite
    public var basePath: String
    /// Resolved (no symlinks) theme assets folder.
    public var assetRoot: String

    public init(site: RenderedSite, basePath: String, assetDirectory: String) {
        self.site = site
        self.basePath = basePath
        self.assetRoot = PreviewSite.resolved(assetDirectory) ?? assetDirectory
    }

    /// The bytes of a site file; nil when there is none, or when a copied file resolves to a place
    /// outside the asset folder.
    public func contents(of path: String) -> [UInt8]? {
        switch site[path] {
        case .bytes(let bytes):
            return bytes
        case .copy(let source):
            guard let real = PreviewSite.resolved(source), real.hasPrefix(assetRoot + "/") else { return nil }
            return site.contents(of: path)
        case nil:
            return nil
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
