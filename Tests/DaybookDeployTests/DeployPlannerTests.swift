@testable import DaybookDeploy
import Testing

@Suite("Deploy planning")
struct DeployPlannerTests {
    let planner = DeployPlanner()

    func file(_ path: String, _ md5: String, size: Int = 10, multipart: String? = nil) -> LocalFile {
        LocalFile(path: path, size: size, md5: md5, multipartETag: multipart)
    }

    @Test func uploadsAreOrderedByPhaseThenPathAndDeletesCollected() {
        let local = [file("feed.xml", "f"), file("b.html", "b"), file("a.html", "a"), file("z.css", "z"), file("a.css", "c")]
        let plan = planner.plan(local: local, remote: ["old.html": RemoteEntry(size: 1, etag: "o", headers: .notApplicable),
                                                       "a.css": RemoteEntry(size: 10, etag: "c", headers: .notApplicable)])
        #expect(plan.uploads.map(\.file.path) == ["z.css", "a.html", "b.html", "feed.xml"])
        #expect(plan.uploads.map(\.phase) == [.assets, .pages, .pages, .feeds])
        #expect(plan.deletes == ["old.html"])
        #expect(plan.unchanged.map(\.path) == ["a.css"])
        #expect(plan.uploadBytes == 40)
    }

    @Test func aFileIsChangedWhenItsSizeOrHashDiffers() {
        let local = [file("a.html", "aaaa"), file("b.html", "bbbb", size: 11)]
        let plan = planner.plan(local: local, remote: ["a.html": RemoteEntry(size: 10, etag: "zzzz", headers: .notApplicable),
                                                       "b.html": RemoteEntry(size: 10, etag: "bbbb", headers: .notApplicable)])
        #expect(plan.uploads.map(\.reason) == [.changed, .changed])
    }

    @Test func unknownOrDifferentHeadersCauseAnUploadOfTheSameBytes() {
        let html = planner.headers(forPath: "a.html")
        let local = [file("a.html", "a"), file("b.html", "b"), file("c.html", "c")]
        let plan = planner.plan(local: local, remote: [
            "a.html": RemoteEntry(size: 10, etag: "a", headers: .known(html)),
            "b.html": RemoteEntry(size: 10, etag: "b", headers: .unknown),
            "c.html": RemoteEntry(size: 10, etag: "c", headers: .known(ObjectHeaders(contentType: "text/plain", cacheControl: nil))),
        ])
        #expect(plan.uploads.map(\.file.path) == ["b.html", "c.html"])
        #expect(plan.uploads.map(\.reason) == [.headers, .headers])
        #expect(plan.inPlace == ["a.html": RecordedFile(etag: "a", headers: html)])
    }

    @Test func aMultipartETagMatchesTheSameBytes() {
        let big = file("big.bin", "whole", multipart: "parts-3")
        let plan = planner.plan(local: [big], remote: ["big.bin": RemoteEntry(size: 10, etag: "parts-3", headers: .notApplicable)])
        #expect(plan.isEmpty)
        #expect(plan.inPlace["big.bin"]?.etag == "parts-3")
    }

    @Test func summariesAndProgressReadAsSentences() {
        let summary = DeploySummary(uploaded: 12, deleted: 2, unchanged: 340, bytes: 1_234_567, duration: .milliseconds(1432), requests: 58)
        #expect(summary.description == "uploaded 12 files (1.2 MB), deleted 2, unchanged 340, in 1.43 s, 58 requests")
        let one = DeploySummary(uploaded: 1, deleted: 0, unchanged: 0, bytes: 999, duration: .seconds(42), requests: 3)
        #expect(one.description == "uploaded 1 file (999 B), deleted 0, unchanged 0, in 42 s, 3 requests")
        let progress = DeployProgress(phase: .pages, uploadedFiles: 120, totalUploads: 300, uploadedBytes: 1_200_000,
                                      totalBytes: 3_400_000, deletedFiles: 0, totalDeletes: 4)
        #expect(progress.line == "uploading pages: 120/300 files, 1.2 MB/3.4 MB")
        var deleting = progress
        deleting.phase = nil
        deleting.deletedFiles = 4
        #expect(deleting.line == "deleting: 4/4 files")
    }
}
