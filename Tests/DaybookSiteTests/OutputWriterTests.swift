import Foundation
import Testing
@testable import DaybookSite

@Suite struct OutputWriterTests {
    func site(_ files: [String: String]) -> RenderedSite {
        var site = RenderedSite()
        for (path, text) in files { site.add(path, text) }
        return site
    }

    @Test func writesAFreshOutputFolder() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let report = try OutputWriter(outputDirectory: temp.path + "/site")
            .write(site(["index.html": "home", "days/2026-11-20/index.html": "day"]))
        #expect(report == OutputWriter.Report(written: 2, unchanged: 0, removed: 0))
        #expect(temp.files(under: "site") == ["days/2026-11-20/index.html", "index.html"])
        #expect(temp.read("site/days/2026-11-20/index.html") == "day")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.site.staging"))
    }

    @Test func leavesUnchangedFilesUntouchedAndRemovesStaleOnes() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        _ = try writer.write(site(["index.html": "home", "a/index.html": "a", "old/deep/x.html": "x"]))
        let before = temp.modificationDate("site/index.html")!
        Thread.sleep(forTimeInterval: 0.02)
        let report = try writer.write(site(["index.html": "home", "a/index.html": "A2", "b/index.html": "b"]))
        #expect(report == OutputWriter.Report(written: 2, unchanged: 1, removed: 1))
        #expect(temp.modificationDate("site/index.html") == before)
        #expect(temp.files(under: "site") == ["a/index.html", "b/index.html", "index.html"])
        #expect(temp.read("site/a/index.html") == "A2")
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/site/old"), "empty stale folders go too")
    }

    @Test func aStaleFilesFoldersGoUpToTheFirstThatHoldsSomethingElse() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        _ = try writer.write(site(["index.html": "home", "old/deep/er/x.html": "x", "old/y.html": "y", "docs/1.json": "1", "docs/2.json": "2"]))
        let report = try writer.write(site(["index.html": "home", "old/y.html": "y", "docs/1.json": "1"]))
        #expect(report == OutputWriter.Report(written: 0, unchanged: 3, removed: 2))
        #expect(temp.files(under: "site") == ["docs/1.json", "index.html", "old/y.html"])
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/site/old/deep"))
        _ = try writer.write(site(["index.html": "home"]))
        #expect(temp.files(under: "site") == ["index.html"])
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/site/old") && !FileManager.default.fileExists(atPath: temp.path + "/site/docs"))
        #expect(FileManager.default.fileExists(atPath: temp.path + "/site"), "the output folder itself stays")
    }

    @Test func keepsHiddenEntriesAtTheTopOfTheOutputFolder() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        temp.write("site/.git/HEAD", "ref")
        temp.write("site/.nojekyll", "")
        _ = try OutputWriter(outputDirectory: temp.path + "/site").write(site(["index.html": "home"]))
        #expect(temp.read("site/.git/HEAD") == "ref")
        #expect(temp.read("site/.nojekyll") == "")
    }

    @Test func aFailedWriteLeavesTheOutputFolderExactlyAsItWas() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        _ = try writer.write(site(["index.html": "home", "a/index.html": "a"]))
        let before = temp.modificationDate("site/a/index.html")!
        var broken = site(["index.html": "new home", "b/index.html": "b"])
        broken.files["assets/missing.css"] = .copy(source: temp.path + "/does-not-exist.css")
        #expect(throws: OutputWriter.Failure.self) { try writer.write(broken) }
        #expect(temp.files(under: "site") == ["a/index.html", "index.html"])
        #expect(temp.read("site/index.html") == "home")
        #expect(temp.modificationDate("site/a/index.html") == before)
        #expect(!FileManager.default.fileExists(atPath: temp.path + "/.site.staging"))
    }

    @Test func aFileThatCannotBeStagedFailsTheWholeWrite() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        let writer = OutputWriter(outputDirectory: temp.path + "/site")
        _ = try writer.write(site(["index.html": "home"]))
        // "x" as a file and as a folder cannot both exist.
        let error = #expect(throws: OutputWriter.Failure.self) {
            try writer.write(site(["index.html": "changed", "x": "file", "x/index.html": "page"]))
        }
        #expect(error?.description.contains("x") == true)
        #expect(temp.read("site/index.html") == "home")
        #expect(temp.files(under: "site") == ["index.html"])
    }

    @Test func copiesStaticFilesFromTheirSource() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        temp.write("theme/style.css", "body{}")
        var rendered = RenderedSite()
        rendered.files["assets/style.css"] = .copy(source: temp.path + "/theme/style.css")
        _ = try OutputWriter(outputDirectory: temp.path + "/site").write(rendered)
        #expect(temp.read("site/assets/style.css") == "body{}")
    }
}
