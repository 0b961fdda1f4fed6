/// The `Content-Type` of a site file, the one table both the preview and deploys use.
///
/// Feeds get their own types (`feed.xml` RSS, `atom.xml` Atom, `feed.json` JSON Feed, wherever
/// they sit, as the feed writers name them); everything else goes by its extension
/// (case-insensitive). Text types carry `charset=utf-8`; unknown ones are `application/octet-stream`.
package enum MediaType {
    package static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        if let feed = feeds[String(name)] { return feed }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    package static let fallback = "application/octet-stream"

    static let feeds: [String: String] = [
        "feed.xml": "application/rss+xml; charset=utf-8",
        "atom.xml": "application/atom+xml; charset=utf-8",
        "feed.json": "application/feed+json; charset=utf-8",
    ]

    static let byExtension: [String: String] = [
        "html": "text/html; charset=utf-8",
        "htm": "text/html; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "rss": "application/rss+xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "json": "application/json; charset=utf-8",
        "webmanifest": "application/manifest+json; charset=utf-8",
        "map": "application/json; charset=utf-8",
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "mjs": "text/javascript; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/markdown; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "pdf": "application/pdf",
        "wasm": "application/wasm",
        "zip": "application/zip",
        "gz": "application/gzip",
        "mp4": "video/mp4",
        "webm": "video/webm",
    ]
}
