import Foundation
import Testing

@Suite("daybook deploy to a folder, run as a user runs it")
struct DeployCommandTests {
    @Test("--dry-run prints the plan and changes nothing; a real deploy then copies the site")
    func dryRunThenDeploy() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        #expect(try site.daybook("build").status == 0)
        let dry = try site.daybook("deploy", "./public", "--dry-run")
        #expect(dry.status == 0, "\(dry)")
        let files = site.files(under: "site").count
        #expect(dry.stdout.contains("\(files) to upload"), "\(dry)")
        #expect(dry.stdoutLines.last?.hasPrefix("Dry run: nothing was changed") == true)
        #expect(!site.exists("public"))
        let real = try site.daybook("deploy", "./public")
        #expect(real.status == 0, "\(real)")
        #expect(site.snapshot(under: "public") == site.snapshot(under: "site"))
    }

    @Test("a site left mixed by an interrupted build is not deployed")
    func interruptedBuildIsNotDeployed() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        #expect(try site.daybook("build").status == 0)
        site.write(".site.journal", "W index.html\n")
        let result = try site.daybook("deploy", "./public")
        #expect(result.status == 1)
        #expect(result.stderrLines == ["site holds an interrupted build (old and new pages mixed): run `daybook build` first"])
        #expect(!site.exists("public"))
        #expect(try site.daybook("build").status == 0)
        #expect(!site.exists(".site.journal"))
        #expect(try site.daybook("deploy", "./public").status == 0)
    }
}
