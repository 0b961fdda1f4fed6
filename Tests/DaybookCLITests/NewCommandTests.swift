import Foundation
import Testing

@Suite("daybook new, run as a user runs it")
struct NewCommandTests {
    /// Runs scripts/check-workflow.py (GitHub's workflow schema via check-jsonschema, the keys a
    /// daily job needs, actionlint where installed) and returns its problems.
    static func workflowProblems(_ path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SiteFolder.repositoryRoot + "/scripts/check-workflow.py", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        return process.terminationStatus == 0 ? [] : (lines.isEmpty ? ["check-workflow.py exited \(process.terminationStatus)"] : lines)
    }

    @Test("scaffolds a site that builds at once, with a valid daily workflow for GitHub Pages")
    func scaffoldsAndBuilds() throws {
        let parent = SiteFolder()
        defer { parent.remove() }
        let result = try parent.daybook("new", "nlp-daily", "--title", "NLP: Daily #1", "--base-url", "https://me.github.io/nlp")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.last == "Next: cd nlp-daily && daybook fetch && daybook build", "\(result)")
        #expect(parent.files(under: "nlp-daily") == [".github/workflows/daily.yml", ".gitignore", "README.md",
                                                     "content/papers/.gitkeep", "daybook.yml"])
        let config = parent.read("nlp-daily/daybook.yml") ?? ""
        #expect(config.contains("title: \"NLP: Daily #1\"") && config.contains("base_url: \"https://me.github.io/nlp/\""))
        #expect(config.contains("  - huggingface: daily") && config.contains("  - arxiv: [cs.CL, cs.LG]"))
        let ignore = parent.read("nlp-daily/.gitignore") ?? ""
        #expect(ignore.contains("/site/") && ignore.contains("/.daybook-cache/"))

        let site = SiteFolder(existing: parent.url("nlp-daily"))
        let build = try site.daybook("build")
        #expect(build.status == 0, "\(build)")
        #expect(site.exists("site/index.html") && site.exists("site/feed.xml"))
        let check = try site.daybook("check")
        #expect(check.status == 0, "\(check)")

        let workflow = site.read(".github/workflows/daily.yml") ?? ""
        #expect(try Self.workflowProblems(site.url(".github/workflows/daily.yml")) == [])
        #expect(workflow.contains("cron: \"30 6 * * *\"") && workflow.contains("actions/deploy-pages@v4"))
        #expect(workflow.contains("path: .daybook-cache"), "the fetch cache is kept between runs")
        #expect(workflow.contains("DAYBOOK_VERSION: \"0.4.0\""))
    }

    @Test("--s3-bucket: the workflow deploys to the configured S3 target, and the config validates")
    func s3Variant() throws {
        let parent = SiteFolder()
        defer { parent.remove() }
        let result = try parent.daybook("new", "papers", "--s3-bucket", "my-papers", "--daybook-source", "https://git.example.org/daybook.git")
        #expect(result.status == 0, "\(result)")
        let workflow = parent.read("papers/.github/workflows/daily.yml") ?? ""
        #expect(try Self.workflowProblems(parent.url("papers/.github/workflows/daily.yml")) == [])
        #expect(workflow.contains("run: daybook deploy production") && !workflow.contains("deploy-pages"))
        #expect(workflow.contains("${{ secrets.AWS_ACCESS_KEY_ID }}"))
        #expect(workflow.contains("DAYBOOK_SOURCE: https://git.example.org/daybook.git"))
        let site = SiteFolder(existing: parent.url("papers"))
        let build = try site.daybook("build")
        #expect(build.status == 0, "\(build)")
        let plan = try site.daybook("deploy", "--dry-run", environment: ["AWS_ACCESS_KEY_ID": "", "AWS_SECRET_ACCESS_KEY": ""])
        #expect(plan.stderr.contains("production") || plan.stdout.contains("production") || plan.stderr.contains("credentials"), "\(plan)")
    }

    @Test("the workflow check fails on a broken workflow (so it can fail)")
    func checkerCatchesProblems() throws {
        let folder = SiteFolder()
        defer { folder.remove() }
        folder.write("bad.yml", "name: x\non:\n  schedule:\n    - cron: \"30 6 * *\"\njobs:\n  a:\n    steps:\n      - uses: actions/checkout\n")
        let problems = try Self.workflowProblems(folder.url("bad.yml"))
        #expect(problems.contains { $0.contains("five fields") }, "\(problems)")
        #expect(problems.contains { $0.contains("runs-on") }, "\(problems)")
        #expect(problems.contains { $0.contains("schema:") }, "\(problems)")
    }

    @Test("refuses a folder that is not empty and bad option values, writing nothing")
    func refuses() throws {
        let parent = SiteFolder()
        defer { parent.remove() }
        parent.write("taken/notes.txt", "mine")
        var result = try parent.daybook("new", "taken")
        #expect(result.status == 1, "\(result)")
        #expect(result.stderrLines == ["new: taken already exists and is not an empty folder; nothing written"], "\(result)")
        #expect(parent.files(under: "taken") == ["notes.txt"])
        result = try parent.daybook("new", "other", "--base-url", "example.org")
        #expect(result.status != 0 && result.stderr.contains("'base_url' must be an absolute http(s) URL"), "\(result)")
        #expect(!parent.exists("other"))
    }
}
