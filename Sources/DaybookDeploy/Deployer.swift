/// Runs a deploy: scan the site, compare with the destination, then upload in phase order
/// (assets, pages, feeds and sitemap) with bounded parallelism, record, and delete last.
///
/// ```swift
/// let deployer = Deployer(siteRoot: "site", destination: DirectoryDestination(root: "/var/www"))
/// let plan = try await deployer.plan()
/// let summary = try await deployer.run(plan) { print($0.line) }
/// ```
/// An interrupted run leaves a whole site (old pages keep their assets; nothing is deleted
/// before every upload succeeded), and running again completes it.
public struct Deployer: Sendable {
    public var siteRoot: String
    public var destination: any DeployDestination
    public var options: DeployOptions

    public init(siteRoot: String, destination: any DeployDestination, options: DeployOptions = DeployOptions()) {
        self.siteRoot = siteRoot.count > 1 && siteRoot.hasSuffix("/") ? String(siteRoot.dropLast()) : siteRoot
        self.destination = destination
        self.options = options
    }

    /// What a run would do; changes nothing.
    public func plan() async throws -> DeployPlan {
        let clock = ContinuousClock()
        let start = clock.now
        let scanner = LocalSiteScanner(multipartThreshold: options.multipartThreshold, partSize: options.partSize)
        let local = try await scanner.scan(root: siteRoot)
        let remote = try await destination.inventory(local: local)
        var plan = DeployPlanner(cacheControl: options.cacheControl).plan(local: local, remote: remote)
        plan.planningTime = clock.now - start
        return plan
    }

    /// Carries out `plan`. Throws before changing anything when it would delete more than
    /// `maxDeletes` files (unless forced).
    public func run(_ plan: DeployPlan, progress: @Sendable (DeployProgress) -> Void = { _ in }) async throws -> DeploySummary {
        let clock = ContinuousClock()
        let start = clock.now
        if plan.deletes.count > options.maxDeletes && !options.force {
            throw DeployError("\(destination): this deploy would delete \(plan.deletes.count) files, more than max_deletes "
                + "(\(options.maxDeletes)); nothing was changed. Check the site folder, then raise max_deletes "
                + "or run again with --force.")
        }

        var recorded = plan.inPlace
        var state = DeployProgress(phase: nil, uploadedFiles: 0, totalUploads: plan.uploads.count, uploadedBytes: 0,
                                   totalBytes: plan.uploadBytes, deletedFiles: 0, totalDeletes: plan.deletes.count)
        do {
            for phase in DeployPhase.allCases {
                let uploads = plan.uploads(in: phase)
                if uploads.isEmpty { continue }
                state.phase = phase
                try await upload(uploads, recorded: &recorded, state: &state, progress: progress)
            }
        } catch {
            // Keep what is known to be in place, so the next run does not redo it.
            try? await destination.record(recorded)
            let cause = (error as? DeployError)?.message ?? String(describing: error)
            throw DeployError("\(cause)\nThe deploy stopped after \(state.uploadedFiles) of \(plan.uploads.count) uploads; "
                + "nothing was deleted and the site at \(destination) is still whole. Run the deploy again to finish it.")
        }
        try await destination.record(recorded)

        state.phase = nil
        for start in stride(from: 0, to: plan.deletes.count, by: 1000) {
            let batch = Array(plan.deletes[start..<min(start + 1000, plan.deletes.count)])
            try await destination.delete(batch)
            state.deletedFiles += batch.count
            progress(state)
        }
        return DeploySummary(uploaded: plan.uploads.count, deleted: plan.deletes.count, unchanged: plan.unchanged.count,
                             bytes: plan.uploadBytes, duration: plan.planningTime + (clock.now - start),
                             requests: destination.requestCount)
    }

    /// One phase's uploads, `concurrency` at a time; the phase ends when all are done.
    private func upload(_ uploads: [DeployPlan.Upload], recorded: inout [String: RecordedFile], state: inout DeployProgress,
                        progress: @Sendable (DeployProgress) -> Void) async throws {
        let destination = destination
        let siteRoot = siteRoot
        try await withThrowingTaskGroup(of: (DeployPlan.Upload, String).self) { group in
            var next = 0
            func startNext() {
                let upload = uploads[next]
                next += 1
                group.addTask {
                    (upload, try await destination.upload(upload.file, from: siteRoot, headers: upload.headers))
                }
            }
            while next < min(options.concurrency, uploads.count) { startNext() }
            while let (upload, etag) = try await group.next() {
                recorded[upload.file.path] = RecordedFile(etag: etag, headers: upload.headers)
                state.uploadedFiles += 1
                state.uploadedBytes += upload.file.size
                progress(state)
                if next < uploads.count { startNext() }
            }
        }
    }
}
