import ArgumentParser

/// The `daybook` command line: a thin layer over the Daybook libraries.
@main
struct Daybook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daybook",
        abstract: "Build a static website for a daily research-paper digest.",
        subcommands: [NewCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, FetchCommand.self, ImportCommand.self, DeployCommand.self]
    )
}
