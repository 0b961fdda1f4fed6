import DaybookContent
import DaybookRender
import DaybookSystem

/// Everything a build reads, reduced to one hash: when it equals the last build's, nothing the
/// site is made from changed and the build can stop before loading content.
///
/// It covers the options, the parsed config, Daybook itself (its version and the executable's
/// stamp, so a rebuilt `daybook` never trusts an older one's output), and the stamp (size,
/// times, inode) and path of every file under `content/`, the site's `templates/` and `i18n/`,
/// the theme's folder (hidden files too: a conservative superset of what the build reads) and
/// KaTeX's folder. Stamps, not contents, so the check costs one `stat` per file; any
/// save, even one that writes the same bytes, counts as a change (and the build that follows
/// finds the pages unchanged by their keys).
///
/// Stamps can miss a change made in the same clock tick as the read before it (file times come
/// from a coarse clock, and an editor may rewrite a file in place with the same size), the
/// problem Git calls "racily clean". So the check also gives the newest modification time it saw:
/// the build trusts the hash only when that is well before the last build started.
struct BuildInputs {
    /// The hash of every input.
    var hash: UInt64
    /// The newest modification time among the input files, in nanoseconds since 1970.
    var newest: Int
    /// Every file under `content/` with its stamp, by display path (`content/…`), for the content
    /// cache, when there is no `contentListing`.
    var contentStamps: [String: FileStamp] = [:]
    /// Every file under `content/` with its stamp, relative to it and sorted, when the walk that
    /// stamped them met only folders and regular files (see `FileStamp.scan`): the loader then
    /// need not walk again.
    var contentListing: [(path: String, stamp: FileStamp)]?

    /// How long before a build's start a file must have been modified for its stamp to be trusted.
    static let racyMargin = 100_000_000

    /// Whether a build that started at `started` (nanoseconds since 1970) read these inputs
    /// late enough that an unseen change within their stamps' tick is ruled out.
    func isSettled(before started: Int) -> Bool {
        newest < started - BuildInputs.racyMargin
    }

    /// The inputs' hash. With `since` (the last build's start, less `racyMargin`), `notice` is
    /// called (once), as soon as the config, an input folder or an input file is seen modified at
    /// or after it (the theme's and templates' folders are walked before the content's): the build will not be
    /// up to date, and can start reading what it needs meanwhile (see `FileStamp.scan`). A change
    /// that does not show in times (a file put back with an old time) is found by the hash alone.
    static func fingerprint(options: BuildOptions, config: SiteConfig, theme: Theme, output: String,
                            noticingChangesSince since: Int? = nil, notice: () -> Void = {}) -> BuildInputs {
        var hasher = StableHasher()
        var newest = 0
        var noticed = false
        func once() {
            if !noticed { notice() }
            noticed = true
        }
        DaybookIdentity.combine(into: &hasher)
        hasher.combine(options.siteRoot)
        hasher.combine(options.configPath)
        hasher.combine(output)
        hasher.combine(options.baseURL)
        hasher.combine(options.bodyEnd)
        hasher.combine(String(reflecting: config))
        // The config is hashed by value, but a saved config is a change to notice too.
        if let since, let stamp = FileStamp(path: options.resolve(options.configPath)),
           stamp.modified >= since || stamp.changed >= since {
            once()
        }
        for root in [options.resolve("templates"), options.resolve("i18n"), theme.directory] {
            combine(root, FileStamp.scan(root, noticingChangesSince: since, once).files, into: &hasher, newest: &newest)
        }
        let katex = MathAssets.directory(explicit: options.katexDirectory)
        hasher.combine(katex)
        for name in ["katex.min.js", "katex.min.css"] { stamp(katex + "/" + name, name, into: &hasher, newest: &newest) }
        for name in FileIO.list(katex + "/fonts").sorted() { stamp(katex + "/fonts/" + name, name, into: &hasher, newest: &newest) }
        if let since, newest >= since { once() }
        let content = FileStamp.scan(options.resolve("content"), noticingChangesSince: since, once)
        combine(options.resolve("content"), content.files, into: &hasher, newest: &newest)
        return BuildInputs(hash: hasher.value, newest: newest, contentStamps: content.plain ? [:] : ContentCache.stamps(content.files),
                           contentListing: content.plain ? content.files : nil)
    }

    private static func combine(_ root: String, _ files: [(path: String, stamp: FileStamp)], into hasher: inout StableHasher,
                                newest: inout Int) {
        hasher.combine(root)
        hasher.combine(files.count)
        for (path, stamp) in files {
            hasher.combine(path)
            hasher.combine(stamp)
            newest = max(newest, stamp.modified, stamp.changed)
        }
    }

    private static func stamp(_ path: String, _ name: String, into hasher: inout StableHasher, newest: inout Int) {
        hasher.combine(name)
        if let stamp = FileStamp(path: path) {
            hasher.combine(true)
            hasher.combine(stamp)
            newest = max(newest, stamp.modified, stamp.changed)
        } else {
            hasher.combine(false)
        }
    }
}
