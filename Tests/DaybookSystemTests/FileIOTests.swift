import DaybookSystem
import DaybookTestSupport
import Foundation
import Testing

@Suite struct FileIOTests {
    @Test func readsWritesAndReportsTheSystemsReason() throws {
        let folder = TemporaryFolder(label: "system")
        defer { folder.remove() }
        try FileIO.write(Array("héllo".utf8), to: folder.url("a.txt"))
        #expect(try FileIO.contents(folder.url("a.txt")) == Array("héllo".utf8))
        #expect(FileIO.size(folder.url("a.txt")) == 6)
        #expect(throws: FileIO.Failure.self) { try FileIO.contents(folder.url("missing.txt")) }
        do throws(FileIO.Failure) {
            _ = try FileIO.contents(folder.url("missing.txt"))
        } catch {
            #expect(error.isMissing)
            #expect(error.description == folder.url("missing.txt") + ": cannot read the file: No such file or directory")
        }
        #expect(FileIO.read(folder.path) == nil, "a folder is not a file")
        #expect(FileIO.isMissing(folder.url("missing.txt")))
    }

    @Test func readsFilesThatReportNoSize() throws {
        let bytes = try FileIO.contents("/proc/self/stat")
        #expect(!bytes.isEmpty)
    }

    @Test func walksInNameOrderFollowingLinksOnce() throws {
        let folder = TemporaryFolder(label: "system")
        defer { folder.remove() }
        folder.write("b/x.md", "x")
        folder.write("a.md", "a")
        folder.write(".git/config", "c")
        folder.write("b/#x.md#", "lock")
        try FileManager.default.createSymbolicLink(atPath: folder.url("b/up"), withDestinationPath: folder.path)
        try FileManager.default.createSymbolicLink(atPath: folder.url("gone.md"), withDestinationPath: folder.url("nowhere"))
        var seen: [String] = []
        FileIO.walk(folder.path, skip: { name, _ in FileNames.isIgnored(name) }) { relative, entry in
            switch entry.kind {
            case .broken: seen.append(relative + " (broken)")
            case .directory: seen.append(relative + "/")
            default: seen.append(relative)
            }
        }
        #expect(seen == ["a.md", "b/", "b/up/", "b/x.md", "gone.md (broken)"], "the link back up is visited, not walked again")
        #expect(FileIO.walkFiles(folder.path).sorted() == ["a.md", "b/#x.md#", "b/up", "b/x.md", "gone.md"])
    }

    @Test func ignoresHiddenFilesAndEditorLeftovers() {
        for name in [".DS_Store", ".a.md.swp", "a.md~", "#a.md#", ".#a.md", "4913", "a.md.tmp", "a.md.bak", "a.md___jb_tmp___"] {
            #expect(FileNames.isIgnored(name), "\(name)")
        }
        for name in ["2405.01234.md", "daily.json", "notes.txt", "temp", "", "a.swp\u{301}", "é.md", "x.bak.md"] {
            #expect(!FileNames.isIgnored(name), "\(name)")
        }
        #expect(FileNames.isIgnored("Gödel.md.swp") && FileNames.isIgnored("~") && FileNames.isIgnored("."))
        #expect(FileNames.hasSuffix(Array("a.md".utf8), Array(".md".utf8)) && FileNames.hasSuffix(Array("".utf8), []))
        #expect(!FileNames.hasSuffix(Array("md".utf8), Array(".md".utf8)) && !FileNames.hasSuffix(Array("a.mD".utf8), Array(".md".utf8)))
    }

    @Test func parallelMapKeepsOrder() {
        let input = Array(0..<1000)
        #expect(input.parallelMap(workers: 3) { $0 * 2 } == input.map { $0 * 2 })
    }

    @Test func durationsInSecondsAndNanoseconds() {
        #expect(Duration.milliseconds(1500).seconds == 1.5)
        #expect(Duration.milliseconds(3).nanoseconds == 3_000_000)
    }
}
