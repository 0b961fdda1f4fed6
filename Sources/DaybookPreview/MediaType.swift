/// The Content-Type of a site file, by its name.
enum MediaType {
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? Substring(path)
        switch name {
        case "feed.xml": return "application/rss+xml; charset=utf-8"
        case "atom.xml": return "application/atom+xml; charset=utf-8"
        case "feed.json": return "application/feed+json; charset=utf-8"
        default: break
        }
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        switch name[name.index(after: dot)...].lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff": return "font/woff"
        case "woff2": return "font/woff2"
        case "ttf": return "font/ttf"
        case "webmanifest": return "application/manifest+json"
        case "wasm": return "application/wasm"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
