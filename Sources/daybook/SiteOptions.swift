import ArgumentParser

/// Options every command that reads a site shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "Config file.")
    var config: String = "daybook.yml"

    @Option(name: .long, help: "Site folder (default: the current folder).")
    var root: String = "."
}
