import DaybookSystem
import DaybookTestSupport
import Foundation
import Synchronization
import Testing
@testable import DaybookSite

@Suite struct StagedOutputTests {
    /// Adds `files` to a write of `temp/site` from every core, then commits.
    func write(_ files: [String: String], to writer: OutputWriter) throws(OutputWriter.Failure) -> OutputWriter.Report {
        let staged = try writer.stage(previous: { nil }, records: false)
        let paths = files.keys.sorted()
        SiteBuilder.stream(paths.count, into: staged) { (paths[$0], Array(files[paths[$0]]!.utf8)) }
        return try writer.commit(staged, recording: nil).report
    }

    @Test func filesAddedFromEveryCoreAreStagedOnceAndPutInPlaceTogether() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        var files: [String: String] = [:]
        for n in 0..<600 { files["papers/\(n)/index.html"] = "paper \(n)" }
        files["index.html"] = "home"
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        #expect(try write(files, to: writer) == OutputWriter.Report(written: 601, unchanged: 0, removed: 0))
        #expect(FolderListing.contents(under: temp.path + "/site") == files.mapValues { Array($0.utf8) })

        var next = files
        next["papers/7/index.html"] = "paper 7, edited"
        next["papers/8/index.html"] = nil
        #expect(try write(next, to: writer) == OutputWriter.Report(written: 1, unchanged: 599, removed: 1))
        #expect(FolderListing.contents(under: temp.path + "/site") == next.mapValues { Array($0.utf8) })
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.site.staging"))
    }

    @Test func aFailedAddStopsTheStreamAndTheCommitLeavesTheOutputAsItWas() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        _ = try write(["index.html": "home"], to: writer)
        let staged = try writer.stage(previous: { nil }, records: false)
        let made = Atomic<Int>(0)
        // Output 10 is a file named like the folder of every later one: those cannot be staged.
        SiteBuilder.stream(10_000, into: staged) { index in
            made.add(1, ordering: .relaxed)
            return index < 10 ? ("index.html", Array("new \(index)".utf8)) : index == 10 ? ("x", [1]) : ("x/\(index).html", [2])
        }
        #expect(staged.hasFailed)
        #expect(made.load(ordering: .relaxed) < 100, "the stream stops soon after the failure")
        let error = #expect(throws: OutputWriter.Failure.self) { try writer.commit(staged, recording: nil) }
        #expect(error?.description.contains("/x") == true)
        #expect(temp.files(under: "site") == ["index.html"])
        #expect(temp.read("site/index.html") == "home")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.site.staging"))
    }

    @Test func aPathAddedAgainKeepsTheLaterFile() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        let staged = try writer.stage(previous: { nil }, records: true)
        staged.add("assets/style.css", .bytes(Array("theme".utf8)))
        staged.add("assets/style.css", .bytes(Array("later".utf8)))
        let (report, _) = try writer.commit(staged, recording: OutputWriter.Recording())
        #expect(report.written == 1)
        #expect(temp.read("site/assets/style.css") == "later")
    }

    @Test func writingCreatesMissingFoldersAndReportsAFileInTheWay() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        try FileIO.write(Array("a".utf8), creatingFoldersTo: temp.path + "/one/two/three.txt")
        try FileIO.write(Array("b".utf8), creatingFoldersTo: temp.path + "/one/two/four.txt")
        #expect(temp.files(under: "one") == ["two/four.txt", "two/three.txt"])
        let error = #expect(throws: FileIO.Failure.self) {
            try FileIO.write(Array("c".utf8), creatingFoldersTo: temp.path + "/one/two/three.txt/five.txt")
        }
        #expect(error?.code == ENOTDIR)
    }
}
