import DaybookPreview
import Foundation
import Synchronization
import Testing

@Suite struct FileWatcherTests {
    /// Collects batches; `next()` waits (bounded) for the next one.
    final class Batches: Sendable {
        private let stream: AsyncStream<[FileWatcher.Event]>
        let continuation: AsyncStream<[FileWatcher.Event]>.Continuation

        init() {
            (stream, continuation) = AsyncStream.makeStream()
        }

        /// Events until one satisfies `done`, or nil after about ten seconds.
        func collect(until done: @escaping @Sendable ([FileWatcher.Event]) -> Bool) async -> [FileWatcher.Event]? {
            let stream = self.stream
            return await withTaskGroup(of: [FileWatcher.Event]?.self) { group in
                group.addTask {
                    var all: [FileWatcher.Event] = []
                    for await batch in stream {
                        all += batch
                        if done(all) { return all }
                    }
                    return nil
                }
                group.addTask {
                    try? await Task.sleep(for: .seconds(10))
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                return first
            }
        }
    }

    func makeFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-watch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
        return PreviewPaths.resolved(path) ?? path
    }

    @Test func anAtomicSaveArrivesAsAChangeOfTheFinalFile() async throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let batches = Batches()
        let watcher = try FileWatcher { batches.continuation.yield($0) }
        try watcher.watch(root)
        watcher.start()
        defer { watcher.stop() }

        try Data("draft".utf8).write(to: URL(fileURLWithPath: root + "/sub/.a.md.tmp"))
        #expect(rename(root + "/sub/.a.md.tmp", root + "/sub/a.md") == 0)
        let events = await batches.collect { $0.contains { $0.path == root + "/sub/a.md" } }
        #expect(events?.contains(FileWatcher.Event(path: root + "/sub/a.md", isDirectory: false, kind: .changed)) == true)
    }

    /// The content loader follows symlinked folders, so the watcher must too; a symlink loop
    /// must not make it recurse forever.
    @Test func aSymlinkedFolderIsWatchedUnderItsLinkPath() async throws {
        let root = try makeFolder()
        let elsewhere = try makeFolder()
        defer {
            try? FileManager.default.removeItem(atPath: root)
            try? FileManager.default.removeItem(atPath: elsewhere)
        }
        #expect(symlink(elsewhere + "/sub", root + "/linked") == 0)
        #expect(symlink(root, root + "/sub/loop") == 0)
        let batches = Batches()
        let watcher = try FileWatcher { batches.continuation.yield($0) }
        try watcher.watch(root)
        watcher.start()
        defer { watcher.stop() }

        try Data("record".utf8).write(to: URL(fileURLWithPath: elsewhere + "/sub/b.md"))
        let events = await batches.collect { $0.contains { $0.path == root + "/linked/b.md" } }
        #expect(events?.contains(FileWatcher.Event(path: root + "/linked/b.md", isDirectory: false, kind: .changed)) == true)
    }

    @Test func filesInANewFolderAreReportedAndTheFolderIsWatched() async throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let batches = Batches()
        let watcher = try FileWatcher { batches.continuation.yield($0) }
        try watcher.watch(root)
        watcher.start()
        defer { watcher.stop() }

        // Written at once, likely before the folder's watch exists: found by the rescan.
        try FileManager.default.createDirectory(atPath: root + "/new/deeper", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/new/deeper/b.md"))
        let first = await batches.collect { $0.contains { $0.path == root + "/new/deeper/b.md" } }
        #expect(first != nil)
        #expect(watcher.isWatching(root + "/new/deeper"))

        // Later writes in the new folder arrive through its own watch.
        try Data("y".utf8).write(to: URL(fileURLWithPath: root + "/new/deeper/c.md"))
        let second = await batches.collect { $0.contains { $0.path == root + "/new/deeper/c.md" } }
        #expect(second != nil)
    }

    @Test func deletionsAndFoldersMovedAwayAreReportedAsRemoved() async throws {
        let root = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/sub/a.md"))
        let outside = root + "-outside"
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let batches = Batches()
        let watcher = try FileWatcher { batches.continuation.yield($0) }
        try watcher.watch(root)
        watcher.start()
        defer { watcher.stop() }

        try FileManager.default.removeItem(atPath: root + "/sub/a.md")
        try FileManager.default.moveItem(atPath: root + "/sub", toPath: outside)
        let events = await batches.collect { $0.contains { $0.path == root + "/sub" && $0.kind == .removed } }
        #expect(events?.contains(FileWatcher.Event(path: root + "/sub/a.md", isDirectory: false, kind: .removed)) == true)
        #expect(!watcher.isWatching(root + "/sub"))
    }

    @Test func theWatchLimitMessageSaysHowToRaiseIt() {
        let error = WatchError.watchLimitReached(path: "content/papers/2026-11-20", limit: 8192)
        #expect(error.description == "cannot watch content/papers/2026-11-20: the inotify watch limit is reached "
            + "(fs.inotify.max_user_watches = 8192); raise it, e.g. `sudo sysctl fs.inotify.max_user_watches=524288`, "
            + "or close other programs that watch files")
    }
}
