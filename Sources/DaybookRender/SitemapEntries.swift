import DaybookContent
import DaybookLibrary

/// The sitemap's entries by output file, kept by the preview so an edit updates a few entries
/// and writes the sitemap again only when one of them changed.
package struct SitemapEntries: Sendable {
    private(set) var entries: [String: SitemapWriter.Entry]

    /// The listed pages of `jobs`.
    package init(jobs: [SiteRenderer.Job], routes: Routes) {
        entries = [:]
        entries.reserveCapacity(jobs.count)
        for job in jobs where job.listed {
            entries[job.path] = SitemapWriter.Entry(path: routes.path(forFile: job.path), lastmod: job.lastmod)
        }
    }

    /// Sets the entries of `jobs` and drops those of `removed`; true when anything changed.
    package mutating func update(jobs: [SiteRenderer.Job], removed: [String], routes: Routes) -> Bool {
        var changed = false
        for path in removed where entries.removeValue(forKey: path) != nil { changed = true }
        for job in jobs where job.listed {
            if let entry = entries[job.path], entry.lastmod == job.lastmod { continue }
            entries[job.path] = SitemapWriter.Entry(path: routes.path(forFile: job.path), lastmod: job.lastmod)
            changed = true
        }
        return changed
    }

    /// `sitemap.xml` (or an index and its parts) and `robots.txt`.
    package func files(routes: Routes) -> [(path: String, text: String)] {
        SitemapEntries.files(Array(entries.values), routes: routes)
    }

    /// `files(routes:)` of the listed pages of `jobs`, made without keeping their entries: what
    /// a build writes (at 100,000 papers the entries by file take 24 MB).
    package static func files(jobs: [SiteRenderer.Job], routes: Routes) -> [(path: String, text: String)] {
        files(jobs.lazy.filter(\.listed).map { SitemapWriter.Entry(path: routes.path(forFile: $0.path), lastmod: $0.lastmod) },
              routes: routes)
    }

    private static func files(_ entries: [SitemapWriter.Entry], routes: Routes) -> [(path: String, text: String)] {
        let writer = SitemapWriter(routes: routes)
        return writer.write(entries) + [(routes.file(for: routes.robots), writer.robots())]
    }
}
