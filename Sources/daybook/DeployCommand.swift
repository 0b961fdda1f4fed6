import ArgumentParser
import DaybookContent
import DaybookDeploy
import DaybookSite
import Foundation

/// `daybook deploy [TARGET] [--dry-run]`: publish the built site, sending only what changed.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Publish the built site to a folder or S3-compatible storage, sending only what changed.",
        discussion: """
            TARGET is a target named in daybook.yml's 'deploy:' section (default: the first one), \
            s3://BUCKET/PREFIX, or a folder path (./public, /var/www/site). Files are compared by \
            content hash; assets go up first, then pages, then feeds and the sitemap; deletions come \
            last, so an interrupted deploy leaves a whole site and running it again completes it. \
            S3 credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the shared \
            credentials file (AWS_PROFILE, --profile) and are never printed.
            """
    )

    @Argument(help: "A target from daybook.yml, s3://BUCKET/PREFIX, or a folder path.")
    var target: String?

    @Flag(name: .customLong("dry-run"), help: "Print the plan (uploads, deletes, bytes) and change nothing.")
    var dryRun = false

    @Flag(help: "Delete files even when more than max_deletes would go.")
    var force = false

    @Option(help: "The built site folder (default: the config's 'output', else site).")
    var site: String?

    @Option(help: "Config file.")
    var config: String = "daybook.yml"

    @Option(help: "S3 endpoint URL for an s3:// target (R2, MinIO, …; default: AWS).")
    var endpoint: String?

    @Option(help: "S3 region for an s3:// target (default: AWS_REGION, else us-east-1).")
    var region: String?

    @Flag(name: .customLong("path-style"), help: "Address an s3:// target's bucket in the path, not the host name.")
    var pathStyle = false

    @Option(help: "Profile of the shared credentials file for an S3 target.")
    var profile: String?

    @Option(name: .customLong("max-deletes"), help: "Refuse to delete more files than this (default 256).")
    var maxDeletes: Int?

    @Option(help: "Uploads in flight at once (default 8).")
    var concurrency: Int?

    @Flag(name: .shortAndLong, help: "List every file uploaded or deleted.")
    var verbose = false

    func run() async throws {
        let deployConfig: DeployConfig
        let resolved: DeployTarget
        do {
            deployConfig = try DeployConfigLoader().load(path: config)
            resolved = try resolveTarget(in: deployConfig)
        } catch {
            Console.error(String(describing: error))
            throw ExitCode(1)
        }
        let options = resolved.options(maxDeletes: maxDeletes, concurrency: concurrency, force: force)
        let siteRoot = site ?? deployConfig.output ?? "site"
        if OutputWriter(outputDirectory: Console.absolute(siteRoot)).isInterrupted {
            Console.error("\(siteRoot) holds an interrupted build (old and new pages mixed): run `daybook build` first")
            throw ExitCode(1)
        }

        let destination: any DeployDestination
        do {
            destination = try resolved.destination(options: options)
        } catch {
            Console.error("deploy to '\(resolved.name)' failed: \(error)")
            throw ExitCode(1)
        }
        let deployer = Deployer(siteRoot: siteRoot, destination: destination, options: options)
        do {
            let plan = try await deployer.plan()
            if dryRun {
                DeployConsole.printPlan(plan, destination: destination, listing: true)
                print("Dry run: nothing was changed (\(destination.requestCount) requests).")
            } else {
                if verbose { DeployConsole.printPlan(plan, destination: destination, listing: true) }
                let progress = ProgressLine()
                let summary = try await deployer.run(plan) { progress.update($0.line) }
                progress.finish()
                print("Deployed \(siteRoot) to \(destination): \(summary)")
            }
            await destination.close()
        } catch {
            await destination.close()
            Console.error(String(describing: error))
            throw ExitCode(1)
        }
    }

    private func resolveTarget(in config: DeployConfig) throws -> DeployTarget {
        var chosen: DeployTarget
        if let target, let named = config.target(named: target) {
            chosen = named
        } else if let target {
            let environment = ProcessInfo.processInfo.environment
            let region = region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
            do {
                chosen = try DeployTarget.fromCommandLine(target, region: region, endpoint: endpoint, pathStyle: pathStyle)
            } catch {
                let known = config.targets.map(\.name)
                throw DeployError(error.message + (known.isEmpty ? "" : " (targets in \(self.config): \(known.joined(separator: ", ")))"))
            }
        } else if let first = config.target(named: nil) {
            chosen = first
        } else {
            throw DeployError("\(self.config) has no 'deploy:' targets; name one (daybook deploy s3://BUCKET/PREFIX, daybook deploy ./public) or add one to \(self.config)")
        }
        if case .s3(var settings) = chosen.kind {
            if let profile { settings.profile = profile }
            if let endpoint { settings.endpoint = endpoint }
            if let region { settings.region = region }
            if pathStyle { settings.pathStyle = true }
            chosen.kind = .s3(settings)
        }
        return chosen
    }
}
