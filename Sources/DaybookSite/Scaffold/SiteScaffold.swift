import DaybookContent

/// The files `daybook new` writes: a site that builds at once and updates itself every day
/// (`.github/workflows/daily.yml`: fetch, build, publish to GitHub Pages or an S3 target).
///
/// ```swift
/// for file in SiteScaffold(title: "NLP Daily", baseURL: "https://me.github.io/nlp/").files { … }
/// ```
public struct SiteScaffold: Sendable {
    public var title: String
    public var baseURL: String
    /// An S3 bucket to deploy to; nil: GitHub Pages.
    public var s3Bucket: String?
    /// Where the workflow builds Daybook from (a git URL), and which tag.
    public var daybookSource: String
    public var daybookVersion: String

    public init(title: String = "Daily Papers", baseURL: String = "https://example.org/", s3Bucket: String? = nil,
                daybookSource: String = SiteScaffold.defaultSource, daybookVersion: String = DaybookVersion.current) {
        self.title = title
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.s3Bucket = s3Bucket
        self.daybookSource = daybookSource
        self.daybookVersion = daybookVersion
    }

    public static let defaultSource = "https://github.com/daybook-ssg/daybook.git"

    /// Path relative to the new site's folder, and its text, in a fixed order.
    public var files: [(path: String, text: String)] {
        [("daybook.yml", config), (".gitignore", gitignore), ("README.md", readme),
         ("content/papers/.gitkeep", ""), (".github/workflows/daily.yml", workflow)]
    }

    var config: String {
        var text = """
            # Daybook site settings. Every key has a default; see `daybook help build`.
            title: \(YAMLQuoting.quoted(title))
            description: "A daily digest of research papers."
            # The absolute URL the site is served from; may have a path (https://me.github.io/papers/).
            base_url: \(YAMLQuoting.quoted(baseURL))
            # language: en
            # theme: default
            # output: site                  # the built site (ignored by git)
            # feed_items: 50
            # per_page: 50

            # What `daybook fetch` brings in every day (the workflow in .github/workflows/daily.yml runs it).
            sources:
              - huggingface: daily          # Hugging Face's daily papers
              - arxiv: [cs.CL, cs.LG]       # arXiv's daily announcement for these categories
            # Each source takes an optional `api: http://127.0.0.1:8080` (another scheme, host and port).

            # Named in the User-Agent of fetch requests, as arXiv asks: an email address or a URL.
            # contact: you@example.org

            """
        if let s3Bucket {
            text += """

                # Where `daybook deploy` publishes (credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
                deploy:
                  production:
                    bucket: \(YAMLQuoting.quoted(s3Bucket))
                    region: us-east-1
                    # endpoint: https://ACCOUNT.r2.cloudflarestorage.com   # R2, MinIO, …

                """
        }
        return text
    }

    var gitignore: String {
        """
        # The built site and Daybook's caches are made again by every run.
        /site/
        /.daybook-cache/

        """
    }

    var readme: String {
        let publish = s3Bucket == nil
            ? "publishes `site/` to GitHub Pages (Settings → Pages → Source: GitHub Actions)"
            : "publishes `site/` to the S3 bucket `\(s3Bucket!)` with `daybook deploy` (add the repository secrets `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`)"
        return """
            # \(title)

            A daily digest of research papers, built with [Daybook](\(daybookSource.replacingSuffix(".git", with: ""))).

            Every day at 06:30 UTC, `.github/workflows/daily.yml` fetches the day's papers from the sources in
            `daybook.yml` (`daybook fetch`), commits the new records under `content/papers/`, builds the site
            (`daybook build`) and \(publish). Run it by hand from the Actions tab (workflow_dispatch).

            On your machine:

            ```sh
            daybook fetch                       # today's papers into content/
            daybook fetch --from 2026-11-01     # a backfill, day by day
            daybook serve                       # preview at http://127.0.0.1:8000/
            daybook build                       # content/ → site/
            ```

            Records are plain Markdown files with YAML front matter: edit them, add tags or a summary; a
            later fetch never overwrites what a record knows. `site/` and `.daybook-cache/` are rebuilt
            by every run and are not committed.

            """
    }
}

extension String {
    func replacingSuffix(_ suffix: String, with replacement: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) + replacement : self
    }
}
