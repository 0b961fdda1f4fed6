@testable import DaybookDeploy
import Testing

/// A destination under test, and a way to read back what it holds.
protocol DeployBed: Sendable {
    /// A fresh destination; `failures` (when given) decides, per file write, whether to fail it.
    func destination(failures: CallCounter?) async throws -> any DeployDestination
    /// Every file the destination holds (without daybook's own), by relative path.
    func remoteContents() async throws -> [String: [UInt8]]
}

extension DeployBed {
    /// Plans and runs one deploy of `site`.
    @discardableResult
    func deploy(_ site: SiteTree, options: DeployOptions = DeployOptions(), failures: CallCounter? = nil) async throws -> (DeployPlan, DeploySummary) {
        let destination = try await destination(failures: failures)
        do {
            let deployer = Deployer(siteRoot: site.root, destination: destination, options: options)
            let plan = try await deployer.plan()
            let summary = try await deployer.run(plan)
            await destination.close()
            return (plan, summary)
        } catch {
            await destination.close()
            throw error
        }
    }

    func plan(_ site: SiteTree, options: DeployOptions = DeployOptions()) async throws -> DeployPlan {
        let destination = try await destination(failures: nil)
        let plan = try await Deployer(siteRoot: site.root, destination: destination, options: options).plan()
        await destination.close()
        return plan
    }
}

/// The behaviour every destination must have; the directory and S3 suites run each of these.
enum DeployScenarios {
    static func firstDeployUploadsEverything(_ bed: some DeployBed) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        let (plan, summary) = try await bed.deploy(site)
        #expect(plan.uploads.count == SiteTree.standardFiles.count)
        #expect(plan.uploads.allSatisfy { $0.reason == .new })
        #expect(summary.uploaded == SiteTree.standardFiles.count)
        #expect(summary.deleted == 0 && summary.unchanged == 0)
        #expect(summary.bytes == SiteTree.standardFiles.values.reduce(0) { $0 + $1.utf8.count })
        #expect(try await bed.remoteContents() == site.contents())
    }

    static func secondDeployUploadsNothing(_ bed: some DeployBed) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        try await bed.deploy(site)
        let (plan, summary) = try await bed.deploy(site)
        #expect(plan.isEmpty)
        #expect(summary.uploaded == 0 && summary.deleted == 0 && summary.bytes == 0)
        #expect(summary.unchanged == SiteTree.standardFiles.count)
        #expect(try await bed.remoteContents() == site.contents())
    }

    static func editingOnePaperUploadsOnlyTheChangedFiles(_ bed: some DeployBed) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        try await bed.deploy(site)
        try site.write("papers/2405.01234/index.html", "<!doctype html><title>A paper</title><p>Abstract one, corrected.")
        try site.write("feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Papers!</title></channel></rss>")
        let (plan, summary) = try await bed.deploy(site)
        #expect(plan.uploads.map(\.file.path) == ["papers/2405.01234/index.html", "feed.xml"])
        #expect(plan.uploads.map(\.reason) == [.changed, .changed])
        #expect(summary.uploaded == 2 && summary.unchanged == SiteTree.standardFiles.count - 2)
        #expect(try await bed.remoteContents() == site.contents())
    }

    static func removedPagesAreDeleted(_ bed: some DeployBed) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        try await bed.deploy(site)
        try site.remove("papers/2405.05678/index.html")
        try site.remove("assets/app.js")
        let (plan, summary) = try await bed.deploy(site)
        #expect(plan.uploads.isEmpty)
        #expect(plan.deletes == ["assets/app.js", "papers/2405.05678/index.html"])
        #expect(summary.deleted == 2)
        #expect(try await bed.remoteContents() == site.contents())
    }

    static func tooManyDeletesAreRefusedAndChangeNothing(_ bed: some DeployBed, target: String) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        try await bed.deploy(site)
        let before = try await bed.remoteContents()
        for path in ["papers/2405.01234/index.html", "papers/2405.05678/index.html", "days/2026-11-20/index.html"] {
            try site.remove(path)
        }
        try site.write("index.html", "<!doctype html><title>Nearly empty</title>")
        await expectError("""
            \(target): this deploy would delete 3 files, more than max_deletes (2); nothing was changed. \
            Check the site folder, then raise max_deletes or run again with --force.
            """) {
            try await bed.deploy(site, options: DeployOptions(maxDeletes: 2))
        }
        #expect(try await bed.remoteContents() == before)
        let (_, forced) = try await bed.deploy(site, options: DeployOptions(maxDeletes: 2, force: true))
        #expect(forced.deleted == 3)
        #expect(try await bed.remoteContents() == site.contents())
    }

    static func planningChangesNothing(_ bed: some DeployBed) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        try await bed.deploy(site)
        try site.write("papers/2405.09999/index.html", "<!doctype html><title>New</title>")
        try site.remove("404.html")
        let before = try await bed.remoteContents()
        let plan = try await bed.plan(site)
        #expect(plan.uploads.map(\.file.path) == ["papers/2405.09999/index.html"])
        #expect(plan.deletes == ["404.html"])
        #expect(try await bed.remoteContents() == before)
    }

    /// Uploads go assets → pages → feeds; a failure after `limit` writes stops the run with no
    /// deletion and a whole site; a second run converges.
    static func anInterruptedDeployLeavesAWholeSiteAndARerunCompletesIt(_ bed: some DeployBed, target: String) async throws {
        let site = try SiteTree()
        defer { site.delete() }
        try await bed.deploy(site)
        // A new version: a new stylesheet the pages now use, the old one gone, pages and feeds changed.
        try site.remove("assets/style.3f2a9c1b.css")
        try site.write("assets/style.77aa88bb.css", "body { font-family: sans-serif; }")
        for path in ["index.html", "papers/2405.01234/index.html", "papers/2405.05678/index.html", "days/2026-11-20/index.html"] {
            try site.write(path, "<!doctype html><link rel=stylesheet href=/assets/style.77aa88bb.css><title>\(path)</title>")
        }
        try site.write("feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>v2</title></channel></rss>")
        let before = try await bed.remoteContents()

        let failures = CallCounter(failingFrom: 3)
        let options = DeployOptions(concurrency: 1)
        do {
            try await bed.deploy(site, options: options, failures: failures)
            Issue.record("the injected failure did not stop the deploy")
        } catch {
            let text = String(describing: error)
            #expect(text.hasSuffix("""
                The deploy stopped after 3 of 6 uploads; nothing was deleted and the site at \(target) is still whole. \
                Run the deploy again to finish it.
                """), "\(text)")
        }
        let during = try await bed.remoteContents()
        // Assets first: the new stylesheet is up; the old one is still there for the old pages.
        #expect(during["assets/style.77aa88bb.css"] == Array("body { font-family: sans-serif; }".utf8))
        #expect(during["assets/style.3f2a9c1b.css"] == before["assets/style.3f2a9c1b.css"])
        // Feeds last: not reached.
        #expect(during["feed.xml"] == before["feed.xml"])
        #expect(Set(during.keys) == Set(before.keys).union(["assets/style.77aa88bb.css"]))

        let (plan, summary) = try await bed.deploy(site, options: options)
        #expect(plan.uploads.allSatisfy { $0.phase != .assets })
        #expect(summary.deleted == 1)
        #expect(try await bed.remoteContents() == site.contents())
        let (again, _) = try await bed.deploy(site)
        #expect(again.isEmpty)
    }
}
