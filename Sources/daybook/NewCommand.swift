import ArgumentParser
import DaybookContent
import DaybookSite
import Foundation

/// `daybook new DIR`: a site that builds at once and updates itself every day.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a new site: daybook.yml with sources, content/, .gitignore, a README and a daily GitHub workflow.",
        discussion: """
            The workflow (.github/workflows/daily.yml) runs every day: daybook fetch, commit the new \
            records, daybook build, then publish to GitHub Pages (or, with --s3-bucket, daybook deploy to \
            that bucket). DIR must not exist or be empty.
            """
    )

    @Argument(help: "The new site's folder.")
    var directory: String

    @Option(help: "The site's title.")
    var title: String = "Daily Papers"

    @Option(name: .customLong("base-url"), help: "The absolute URL the site will be served from.")
    var baseURL: String = "https://example.org/"

    @Option(name: .customLong("s3-bucket"), help: "Publish to this S3 bucket instead of GitHub Pages.")
    var s3Bucket: String?

    @Option(name: .customLong("daybook-source"), help: "The git repository the workflow builds Daybook from.")
    var daybookSource: String = SiteScaffold.defaultSource

    func validate() throws {
        // The options end up in daybook.yml: its loader is the one judge of their values.
        let config = SiteScaffold(title: title, baseURL: baseURL, s3Bucket: s3Bucket).files[0].text
        do {
            _ = try SiteConfigLoader.parse(bytes: Array(config.utf8), displayPath: "daybook.yml")
        } catch {
            let messages = error.diagnostics.map(\.message).joined(separator: "; ")
            throw ValidationError("--title or --base-url cannot be used: \(messages)")
        }
        if let s3Bucket, s3Bucket.isEmpty { throw ValidationError("--s3-bucket must not be empty") }
        if daybookSource.isEmpty || daybookSource.contains(where: { $0.isWhitespace }) {
            throw ValidationError("--daybook-source must be a git URL, got '\(daybookSource)'")
        }
    }

    func run() throws {
        let root = Console.absolute(directory)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) {
            let entries = isDirectory.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []) : ["x"]
            guard entries.isEmpty else {
                Console.error("new: \(directory) already exists and is not an empty folder; nothing written")
                throw ExitCode(1)
            }
        }
        let scaffold = SiteScaffold(title: title, baseURL: baseURL, s3Bucket: s3Bucket, daybookSource: daybookSource)
        do {
            for file in scaffold.files {
                let url = URL(fileURLWithPath: root + "/" + file.path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .atomic)
            }
        } catch {
            Console.error("new: cannot write \(directory): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        print("Created \(directory): " + scaffold.files.map(\.path).joined(separator: ", "))
        print("Next: cd \(directory) && daybook fetch && daybook build")
    }
}
