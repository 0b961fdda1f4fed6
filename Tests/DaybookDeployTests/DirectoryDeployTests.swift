@testable import DaybookDeploy
import DaybookTestSupport
import Foundation
import Testing

struct DirectoryBed: DeployBed {
    let root: String

    static func with(_ body: (DirectoryBed) async throws -> Void) async throws {
        let parent = TemporaryFolder(label: "deploy-tests-www").path
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try await body(DirectoryBed(root: parent + "/public"))
    }

    func destination(failures: CallCounter?) async throws -> any DeployDestination {
        guard let failures else { return DirectoryDestination(root: root) }
        return DirectoryDestination(root: root) { @Sendable path in
            if failures.count(path) { throw InjectedFailure() }
        }
    }

    func remoteContents() async throws -> [String: [UInt8]] {
        FolderListing.contents(under: root)
    }
}

@Suite("Deploy to a folder")
struct DirectoryDeployTests {
    @Test func theFirstDeployUploadsEverything() async throws {
        try await DirectoryBed.with { try await DeployScenarios.firstDeployUploadsEverything($0) }
    }

    @Test func aSecondDeployUploadsNothing() async throws {
        try await DirectoryBed.with { try await DeployScenarios.secondDeployUploadsNothing($0) }
    }

    @Test func editingOnePaperUploadsOnlyTheFilesThatChanged() async throws {
        try await DirectoryBed.with { try await DeployScenarios.editingOnePaperUploadsOnlyTheChangedFiles($0) }
    }

    @Test func removedPagesAreDeleted() async throws {
        try await DirectoryBed.with { try await DeployScenarios.removedPagesAreDeleted($0) }
    }

    @Test func moreDeletesThanMaxDeletesAreRefusedUnlessForced() async throws {
        try await DirectoryBed.with { try await DeployScenarios.tooManyDeletesAreRefusedAndChangeNothing($0, target: $0.root) }
    }

    @Test func planningADeployChangesNothing() async throws {
        try await DirectoryBed.with { try await DeployScenarios.planningChangesNothing($0) }
    }

    @Test func anInterruptedDeployLeavesAWholeSiteAndARerunConverges() async throws {
        try await DirectoryBed.with {
            try await DeployScenarios.anInterruptedDeployLeavesAWholeSiteAndARerunCompletesIt($0, target: $0.root)
        }
    }

    @Test func foldersLeftEmptyByDeletionsAreRemoved() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            try site.remove("papers/2405.05678/index.html")
            try site.remove("papers/2405.01234/index.html")
            try await bed.deploy(site)
            #expect(FolderListing.folders(under: bed.root) == ["assets", "days", "days/2026-11-20", "search"])
        }
    }

    @Test func filesArePutInPlaceByRenameLeavingNoTemporaryFiles() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            try site.write("index.html", "<!doctype html><title>v2</title>")
            try await bed.deploy(site)
            let names = try await bed.remoteContents().keys
            #expect(!names.contains { $0.contains(".daybook-tmp-") })
            let attributes = try FileManager.default.attributesOfItem(atPath: bed.root + "/index.html")
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o644)
        }
    }

    @Test func aTemporaryFileLeftByAKilledDeployIsDeletedByTheNext() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            try Data("half".utf8).write(to: URL(fileURLWithPath: bed.root + "/assets/.daybook-tmp-1a2b-app.js"))
            let (plan, _) = try await bed.deploy(site)
            #expect(plan.deletes == ["assets/.daybook-tmp-1a2b-app.js"])
            #expect(try await bed.remoteContents() == site.contents())
        }
    }

    @Test func aFileWhereTheSiteNowHasAFolderIsReplaced() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree(files: ["about": "old page without folder", "index.html": "home"])
            defer { site.delete() }
            try await bed.deploy(site)
            try site.remove("about")
            try site.write("about/index.html", "new page")
            try await bed.deploy(site)
            #expect(try await bed.remoteContents() == site.contents())
        }
    }

    /// Parallel uploads into the same new folders: each folder must be made once and kept (a
    /// folder made by another upload between two checks was once taken for a stale file and
    /// removed with what was already in it).
    @Test func parallelUploadsIntoNewFoldersLoseNoFile() async throws {
        var files: [String: String] = [:]
        for folder in 0..<40 {
            for file in 0..<12 { files["terms/\(folder)/deep/\(file).json"] = "[\(folder),\(file)]" }
        }
        for round in 0..<5 {
            try await DirectoryBed.with { bed in
                let site = try SiteTree(files: files)
                defer { site.delete() }
                try await bed.deploy(site, options: DeployOptions(concurrency: 32))
                let remote = try await bed.remoteContents()
                #expect(remote.count == files.count, "round \(round)")
                #expect(remote == (try site.contents()), "round \(round)")
            }
        }
    }

    @Test func filesOfTheSameSizeAreComparedByContent() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            try Data("body { font-family: SERIF; }".utf8).write(to: URL(fileURLWithPath: bed.root + "/assets/style.3f2a9c1b.css"))
            let plan = try await bed.plan(site)
            #expect(plan.uploads.map(\.file.path) == ["assets/style.3f2a9c1b.css"])
            #expect(plan.uploads.map(\.reason) == [.changed])
        }
    }

    @Test func progressIsReportedAfterEveryUploadAndDeletionBatch() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            try site.remove("404.html")
            try site.write("index.html", "<!doctype html><title>v2</title>")
            try site.write("feed.xml", "<rss/>")
            let lines = CallCounter()
            let deployer = Deployer(siteRoot: site.root, destination: try await bed.destination(failures: nil))
            _ = try await deployer.run(try await deployer.plan()) { _ = lines.count($0.line) }
            #expect(lines.labels == ["uploading pages: 1/2 files, 32 B/38 B", "uploading feeds and sitemap: 2/2 files, 38 B/38 B",
                                     "deleting: 1/1 files"])
        }
    }

    @Test func aMissingSiteFolderIsAClearError() async throws {
        try await DirectoryBed.with { bed in
            let deployer = Deployer(siteRoot: "/nonexistent/daybook-site", destination: try await bed.destination(failures: nil))
            await expectError("/nonexistent/daybook-site: no such folder; build the site first (daybook build)") {
                _ = try await deployer.plan()
            }
        }
    }

    @Test func aSiteFileWithAReservedNameIsRefused() async throws {
        try await DirectoryBed.with { bed in
            let site = try SiteTree(files: ["index.html": "home", ".daybook-manifest.json": "{}"])
            defer { site.delete() }
            await expectError("\(site.root)/.daybook-manifest.json: this name is reserved for daybook deploy's own files") {
                try await bed.deploy(site)
            }
        }
    }
}
