import DaybookSystem

/// How to run a build; every field has the CLI's default.
public struct BuildOptions: Sendable {
    /// The site folder (holds `daybook.yml`, `content/`).
    public var siteRoot: String
    /// `daybook.yml` path; relative paths are taken from `siteRoot`.
    public var configPath: String = "daybook.yml"
    /// Overrides the config's `output`.
    public var output: String?
    /// Overrides the config's `base_url`.
    public var baseURL: String?
    /// Markup appended before `</body>` on every page (the preview server's reload script).
    public var bodyEnd: String = ""
    /// KaTeX's folder (holding `katex.min.js`, `katex.min.css`, `fonts/`); nil: `DAYBOOK_KATEX`,
    /// else `/usr/share/javascript/katex`. When it is missing, math stays readable TeX.
    public var katexDirectory: String?
    /// The persistent build cache's folder (the CLI uses `.daybook-cache/build` in the site);
    /// nil builds without one, everything from scratch.
    public var cacheDirectory: String?
    /// false: the cache's last record is not read (every page is rendered and every file compared
    /// with the output folder), and the cache is written anew.
    public var trustCache = true
    /// Where the build reports its stage and counts, for a progress display; nil: nowhere.
    public var progress: BuildProgress?

    public init(siteRoot: String, configPath: String = "daybook.yml", output: String? = nil, baseURL: String? = nil) {
        self.siteRoot = siteRoot
        self.configPath = configPath
        self.output = output
        self.baseURL = baseURL
    }

    public func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : siteRoot + "/" + path
    }
}
