import DaybookContent
import DaybookLibrary
import DaybookSystem

/// Writes `sitemap.xml` (and `robots.txt`, which points to it): every page with a `lastmod` taken
/// from its content. Over 50,000 URLs (the protocol's limit per file) `sitemap.xml` becomes a
/// sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, ….
public struct SitemapWriter: Sendable {
    public struct Entry: Sendable, Hashable {
        /// Root-relative path, as `Routes` makes.
        public let path: String
        public let lastmod: Day?

        public init(path: String, lastmod: Day?) {
            self.path = path
            self.lastmod = lastmod
        }
    }

    /// URLs per sitemap file.
    public static let limit = 50_000

    public let routes: Routes
    public let limit: Int

    public init(routes: Routes, limit: Int = SitemapWriter.limit) {
        self.routes = routes
        self.limit = max(1, limit)
    }

    /// Output files by path relative to the output folder. Entries are written sorted by path.
    public func write(_ entries: [Entry]) -> [(path: String, text: String)] {
        let sorted = entries.sorted { $0.path < $1.path }
        guard sorted.count > limit else { return [("sitemap.xml", urlset(sorted[...]))] }
        // The parts are written on every core.
        let chunks = Array(stride(from: 0, to: sorted.count, by: limit)).map { sorted[$0..<min(sorted.count, $0 + limit)] }
        let parts = chunks.parallelMap { urlset($0) }
        var files: [(path: String, text: String)] = []
        var index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (chunk, part) in zip(chunks, parts) {
            let name = "sitemap-\(files.count + 1).xml"
            files.append((name, part))
            index += "<sitemap><loc>\(Escaping.xml(routes.absolute(routes.basePath + name)))</loc>"
            if let newest = chunk.compactMap(\.lastmod).max() { index += "<lastmod>\(newest)</lastmod>" }
            index += "</sitemap>\n"
        }
        index += "</sitemapindex>\n"
        return [("sitemap.xml", index)] + files
    }

    func urlset(_ entries: ArraySlice<Entry>) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        out.reserveCapacity(entries.count * 100 + 200)
        // Thousands of pages share each day: its text is made once.
        var days: [Day: String] = [:]
        for entry in entries {
            out += "<url><loc>"
            out += Escaping.xml(routes.absolute(entry.path))
            out += "</loc>"
            if let lastmod = entry.lastmod {
                out += "<lastmod>"
                if let text = days[lastmod] {
                    out += text
                } else {
                    let text = lastmod.description
                    days[lastmod] = text
                    out += text
                }
                out += "</lastmod>"
            }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// `robots.txt`: everything allowed, and where the sitemap is.
    public func robots() -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(routes.absolute(routes.sitemap))\n"
    }
}
