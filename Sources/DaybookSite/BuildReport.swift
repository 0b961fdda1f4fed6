import DaybookContent

/// What a build did, for the CLI's summary.
public struct BuildReport: Sendable {
    public struct Stage: Sendable {
        public let name: String
        public let seconds: Double

        package init(name: String, seconds: Double) {
            self.name = name
            self.seconds = seconds
        }
    }

    public var records = 0
    public var days = 0
    public var pages = 0
    /// Pages rendered: all of them, unless the build cache found some current on disk.
    public var pagesRendered = 0
    public var feedItems = 0
    public var files = 0
    public var stages: [Stage] = []
    public var warnings: [Diagnostic] = []
    public var write: OutputWriter.Report?
    public var outputDirectory = ""
    /// What the build cache saved; nil when the build ran without one.
    public var cache: CacheSavings?

    package init() {}

    /// What the build cache saved a build.
    public struct CacheSavings: Sendable, Equatable {
        /// Nothing changed since the last build: content was not even loaded.
        public var upToDate = false
        /// Pages found current on disk, so not rendered.
        public var pagesKept = 0
        /// Content files not parsed again: their stamps were as the content cache recorded.
        public var recordsReused = 0
        /// Papers whose title and abstract were not rendered again: the content cache had them.
        public var markdownReused = 0

        package init(upToDate: Bool, pagesKept: Int, recordsReused: Int = 0, markdownReused: Int = 0) {
            self.upToDate = upToDate
            self.pagesKept = pagesKept
            self.recordsReused = recordsReused
            self.markdownReused = markdownReused
        }
    }

    public var totalSeconds: Double { stages.reduce(0) { $0 + $1.seconds } }
}

/// A build that failed: every problem found, positioned where possible.
public struct BuildError: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(message: String, path: String = "") {
        self.diagnostics = [Diagnostic(path: path, message: message)]
    }

    public var description: String {
        diagnostics.map { $0.path.isEmpty ? "error: \($0.message)" : $0.description }.joined(separator: "\n")
    }
}
