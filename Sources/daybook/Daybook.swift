import ArgumentParser
import DaybookContent

#if !os(Linux)
#error("Daybook builds on Linux only for now (Glibc file I/O, inotify in the preview); see the README.")
#endif

/// The `daybook` command line: a thin layer over the Daybook libraries.
@main
struct Daybook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daybook",
        abstract: "Build a static website for a daily research-paper digest.",
        version: DaybookVersion.current,
        subcommands: [NewCommand.self, BuildCommand.self, CheckCommand.self, ServeCommand.self, FetchCommand.self, ImportCommand.self,
                      DeployCommand.self]
    )
}
