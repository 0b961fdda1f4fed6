import ArgumentParser
import DaybookSite

/// `daybook check`: loads, validates and renders everything in memory; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check content, config and templates without writing anything.",
        discussion: "Prints every problem as path:line:column: message, and warnings for suspicious records. Exits 1 on any error."
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let options = BuildOptions(siteRoot: Console.absolute(site.root), configPath: site.config)
        do {
            let result = try SiteBuilder(options: options).render()
            Console.printWarnings(result.report.warnings)
            let warnings = result.report.warnings.count
            print("Checked \(result.report.records) papers over \(result.report.days) days: no errors, \(warnings) warning\(warnings == 1 ? "" : "s")")
            if strict && warnings > 0 { throw ExitCode(1) }
        } catch let error as BuildError {
            Console.error(error.description)
            Console.error("check failed: \(error.diagnostics.count) error\(error.diagnostics.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
    }
}
