import DaybookSystem
import DaybookTestSupport
import Foundation
import Synchronization
import Testing

@Suite struct FileStampTests {
    /// The stamp walk visits each folder's entries in the order of the paths they lead to (a
    /// folder's name counts as ending in "/"), so what it lists is sorted by path, as a sort of
    /// the whole list would give: names that are prefixes of others, and names with characters
    /// below and above "/" ("-", ".", "_", digits, accents), at several depths.
    @Test func theWalkListsEveryFileSortedByPath() {
        let folder = TemporaryFolder(label: "stamps")
        defer { folder.remove() }
        let paths = ["a", "a-b", "a.b", "a/x", "a/x-y/z", "a/x.y", "a/x/1", "a0", "ab/c", "a_b", "b/é", "b/e", "b/e/f",
                     "B", ".hidden/x", "2026-01-01/a.md", "2026-01-01-x/b.md", "2026-01-0/c.md"]
        for path in paths where !paths.contains(where: { $0.hasPrefix(path + "/") }) { folder.write(path, "x") }
        let files = FileStamp.tree(folder.path).map(\.path)
        #expect(files == files.sorted())
        #expect(Set(files) == Set(paths.filter { path in !paths.contains(where: { $0.hasPrefix(path + "/") }) }))
    }

    /// The walk tells, once, when it meets a folder or file modified since a given time (the
    /// build starts reading its content cache then): not for a tree older than that time, and for
    /// a file added deep in an old tree, whose folders' times change with it; the listing is the
    /// same either way.
    @Test func theWalkNoticesAChangeSinceAGivenTimeOnce() throws {
        let folder = TemporaryFolder(label: "stamps-notice")
        defer { folder.remove() }
        for path in ["a/1.md", "a/2.md", "b/c/3.md", "d.md"] { folder.write(path, "x") }
        func notices(since: Int) -> (count: Int, files: [String]) {
            var count = 0
            let files = FileStamp.scan(folder.path, noticingChangesSince: since) { count += 1 }.files.map(\.path)
            return (count, files)
        }
        let later = FileStamp.now() + 60_000_000_000
        #expect(notices(since: later).count == 0, "nothing in the tree is that new")
        #expect(FileStamp.scan(folder.path).files.map(\.path) == notices(since: later).files)
        // File times come from a coarse clock, a few milliseconds behind the one `now` reads.
        Thread.sleep(forTimeInterval: 0.1)
        let before = FileStamp.now() - 50_000_000
        #expect(notices(since: before).count == 0, "the tree is older than that")
        folder.write("b/c/4.md", "y")
        let seen = notices(since: before)
        #expect(seen.count == 1)
        #expect(seen.files == ["a/1.md", "a/2.md", "b/c/3.md", "b/c/4.md", "d.md"])
    }
}

@Suite struct DeferredTests {
    /// Made once, by the first to ask, however many threads ask at once; then kept.
    @Test func theValueIsMadeOnceForEveryThreadThatAsks() {
        let made = Mutex(0)
        let deferred = Deferred { () -> [Int] in
            made.withLock { $0 += 1 }
            return Array(0..<1000)
        }
        #expect(made.withLock { $0 } == 0, "nothing made before it is asked for")
        let sums = Array(0..<64).parallelMap(workers: 8) { _ in deferred.value.reduce(0, +) }
        #expect(sums == Array(repeating: 499_500, count: 64))
        #expect(made.withLock { $0 } == 1)
    }
}
