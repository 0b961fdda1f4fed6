import ArgumentParser
import DaybookContent
import DaybookSite
import Foundation

/// `daybook build`: content/ → site/.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from content/ into the output folder (site/ by default).",
        discussion: "Run from the site's folder. A failed build leaves the output folder untouched."
    )

    @Option(name: .long, help: "Output folder (default: the config's 'output', else site).")
    var output: String?

    @Option(name: .customLong("base-url"), help: "Absolute base URL, overriding the config's 'base_url'.")
    var baseURL: String?

    @Flag(name: .customLong("no-cache"),
          help: "Build everything from scratch, without reading or writing the build cache (.daybook-cache/build).")
    var noCache = false

    @OptionGroup var site: SiteOptions

    func validate() throws {
        if let baseURL, !SiteConfig.isValidBaseURL(baseURL) {
            throw ValidationError("--base-url must be an absolute http(s) URL, got \"\(baseURL)\"")
        }
    }

    func run() throws {
        var options = BuildOptions(siteRoot: Console.absolute(site.root), configPath: site.config, output: output,
                                   baseURL: baseURL)
        if !noCache { options.cacheDirectory = options.resolve(".daybook-cache/build") }
        let progressLine = BuildProgressLine()
        options.progress = progressLine.progress
        let outcome = Result { () throws(BuildError) in try SiteBuilder(options: options).build() }
        progressLine.stop()
        switch outcome {
        case .success(let report):
            Console.printWarnings(report.warnings)
            Console.printSummary(report)
        case .failure(let error):
            Console.error(error.description)
            Console.error("build failed: the output folder was not changed")
            throw ExitCode(1)
        }
    }
}
