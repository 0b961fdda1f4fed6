import Foundation
import Testing

@Suite("help, version and argument errors, run as a user runs them")
struct UsageTests {
    @Test func versionIsPrinted() throws {
        let site = SiteFolder()
        defer { site.remove() }
        let result = try site.daybook("--version")
        #expect(result.status == 0)
        #expect(result.stdout == "0.4.0\n")
    }

    @Test("help lists every command; help COMMAND shows its options", arguments: [["help"], ["--help"]])
    func help(_ arguments: [String]) throws {
        let site = SiteFolder()
        defer { site.remove() }
        let result = try DaybookExecutable.run(arguments, in: site.path)
        #expect(result.status == 0, "\(result)")
        for command in ["build", "check", "serve", "import", "deploy"] {
            #expect(result.stdout.contains("  \(command) "), "\(command) missing from help")
        }
        let build = try site.daybook("help", "build")
        #expect(build.status == 0)
        #expect(build.stdout.contains("--base-url") && build.stdout.contains("--output"))
    }

    @Test("serve refuses bad arguments with a usage error and exit 64, never a crash", arguments: [
        (["serve", "--port", "70000"], "Error: --port must be a number from 1 to 65535, got 70000"),
        (["serve", "--port", "0"], "Error: --port must be a number from 1 to 65535, got 0"),
        (["serve", "--port=-1"], "Error: --port must be a number from 1 to 65535, got -1"),
        (["serve", "--port", "http"], "Error: The value 'http' is invalid for '--port <port>'"),
        (["serve", "--bogus"], "Error: Unknown option '--bogus'"),
    ])
    func serveArgumentErrors(_ arguments: [String], _ message: String) throws {
        let site = SiteFolder()
        defer { site.remove() }
        let result = try DaybookExecutable.run(arguments, in: site.path, timeout: .seconds(30))
        #expect(result.status == 64, "\(result)")
        #expect(result.stderrLines.first == message, "\(result)")
    }

    @Test func anUnknownCommandIsAUsageError() throws {
        let site = SiteFolder()
        defer { site.remove() }
        let result = try site.daybook("bild")
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains("Unexpected argument 'bild'"))
    }
}
