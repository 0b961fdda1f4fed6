import DaybookSystem
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Watches folders with inotify (no polling), recursively, and reports what changed in debounced
/// batches. New folders are watched as they appear and scanned, so files written into them
/// before their watch existed are reported too. Events are read from a Dispatch read source on
/// the inotify descriptor; the handler runs on the watcher's serial queue, so batches never overlap.
///
/// ```swift
/// let watcher = try FileWatcher { events in print(events) }
/// try watcher.watch(siteRoot + "/content")
/// watcher.start()
/// ```
public final class FileWatcher: @unchecked Sendable {  // mutable state is confined to `queue`
    public struct Event: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            /// Written and closed, or moved in.
            case changed
            /// Deleted or moved away.
            case removed
            /// A folder appeared (its files are reported separately).
            case created
            /// The kernel dropped events: anything may have changed.
            case overflow
        }
        public let path: String
        public let isDirectory: Bool
        public let kind: Kind

        public init(path: String, isDirectory: Bool, kind: Kind) {
            self.path = path
            self.isDirectory = isDirectory
            self.kind = kind
        }
    }

    private enum Mask {
        static let closeWrite: UInt32 = 0x0000_0008
        static let movedFrom: UInt32 = 0x0000_0040
        static let movedTo: UInt32 = 0x0000_0080
        static let create: UInt32 = 0x0000_0100
        static let delete: UInt32 = 0x0000_0200
        static let deleteSelf: UInt32 = 0x0000_0400
        static let moveSelf: UInt32 = 0x0000_0800
        static let overflow: UInt32 = 0x0000_4000
        static let ignored: UInt32 = 0x0000_8000
        static let onlyDirectory: UInt32 = 0x0100_0000
        static let isDirectory: UInt32 = 0x4000_0000
        static let watched = closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf
    }

    public let queue: DispatchQueue
    private let descriptor: Int32
    private let debounce: Duration
    private let handler: @Sendable ([Event]) -> Void
    private let onError: @Sendable (WatchError) -> Void
    private var source: (any DispatchSourceRead)?
    private var folders: [Int32: (path: String, recursive: Bool)] = [:]
    private var pending: [Event] = []
    private var lastEvent = ContinuousClock.now
    private var flushScheduled = false

    /// - Parameters:
    ///   - debounce: quiet time after the last event before a batch is reported.
    ///   - onError: problems found while running (a new folder beyond the watch limit).
    ///   - handler: each batch, in arrival order, on `queue`.
    public init(debounce: Duration = .milliseconds(3), queue: DispatchQueue = DispatchQueue(label: "daybook.watcher"),
                onError: @escaping @Sendable (WatchError) -> Void = { _ in },
                handler: @escaping @Sendable ([Event]) -> Void) throws(WatchError) {
        let descriptor = inotify_init1(Int32(O_NONBLOCK | O_CLOEXEC))
        guard descriptor >= 0 else {
            let code = errno
            throw code == EMFILE ? .instanceLimitReached(limit: WatchError.limit("max_user_instances"))
                                 : .cannotStart(reason: String(cString: strerror(code)))
        }
        self.descriptor = descriptor
        self.queue = queue
        queue.setSpecific(key: FileWatcher.queueKey, value: ObjectIdentifier(queue))
        self.debounce = debounce
        self.handler = handler
        self.onError = onError
    }

    private static let queueKey = DispatchSpecificKey<ObjectIdentifier>()

    /// Runs `work` on `queue`, directly when already there (the handler may call `watch`).
    private func onQueue<T, Failure: Error>(_ work: () throws(Failure) -> T) throws(Failure) -> T {
        if DispatchQueue.getSpecific(key: FileWatcher.queueKey) == ObjectIdentifier(queue) { return try work() }
        let result: Result<T, Failure> = queue.sync {
            do throws(Failure) {
                return .success(try work())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    deinit {
        source?.cancel()
        if source == nil { close(descriptor) }
    }

    /// Watches `directory` (and, when `recursive`, every folder below it, now and later).
    /// Watching a folder twice is harmless.
    public func watch(_ directory: String, recursive: Bool = true) throws(WatchError) {
        try onQueue { () throws(WatchError) in try addTree(directory, recursive: recursive, report: false) }
    }

    /// Whether `directory` is watched.
    public func isWatching(_ directory: String) -> Bool {
        onQueue { folders.values.contains { $0.path == directory } }
    }

    /// Starts reading events.
    public func start() {
        queue.sync {
            guard source == nil else { return }
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            source.setEventHandler { [weak self] in self?.readEvents() }
            let descriptor = self.descriptor
            source.setCancelHandler { close(descriptor) }
            self.source = source
            source.resume()
        }
    }

    /// Stops watching and closes the inotify descriptor; no handler runs after this returns.
    public func stop() {
        queue.sync {
            source?.cancel()
            pending = []
            folders = [:]
        }
    }

    // MARK: - On `queue`

    private func addTree(_ path: String, recursive: Bool, report: Bool) throws(WatchError) {
        let wd = inotify_add_watch(descriptor, path, Mask.watched | Mask.onlyDirectory)
        guard wd >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return  // gone already, or not a folder
            case ENOSPC: throw .watchLimitReached(path: path, limit: WatchError.limit("max_user_watches"))
            case let code: throw .cannotWatch(path: path, reason: String(cString: strerror(code)))
            }
        }
        // inotify gives a folder reached twice (a symlink to a watched folder, or a loop of
        // symlinks) the same descriptor: keep its first path and do not descend again.
        if let known = folders[wd], known.path != path { return }
        folders[wd] = (path, recursive)
        guard recursive else { return }
        for entry in (try? FileIO.entries(of: path)) ?? [] {
            if case .broken = entry.kind { continue }
            let child = path + "/" + entry.name
            if entry.kind == .directory {
                if report { pending.append(Event(path: child, isDirectory: true, kind: .created)) }
                try addTree(child, recursive: true, report: report)
            } else if report {
                pending.append(Event(path: child, isDirectory: false, kind: .changed))
            }
        }
    }

    private func readEvents() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var received = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received = true
            buffer.withUnsafeBytes { raw in
                var offset = 0
                while offset + 16 <= count {
                    let wd = raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = raw[(offset + 16)..<(offset + 16 + length)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    offset += 16 + length
                    handle(wd: wd, mask: mask, name: name)
                }
            }
        }
        guard received else { return }
        lastEvent = .now
        scheduleFlush(after: debounce)
    }

    private func handle(wd: Int32, mask: UInt32, name: String) {
        if mask & Mask.overflow != 0 {
            pending.append(Event(path: "", isDirectory: true, kind: .overflow))
            return
        }
        guard let folder = folders[wd] else { return }
        if mask & Mask.ignored != 0 {
            folders[wd] = nil
            return
        }
        if mask & (Mask.deleteSelf | Mask.moveSelf) != 0 {
            pending.append(Event(path: folder.path, isDirectory: true, kind: .removed))
            forget(below: folder.path)
            return
        }
        guard !name.isEmpty else { return }
        let path = folder.path + "/" + name
        let isDirectory = mask & Mask.isDirectory != 0
        if mask & (Mask.delete | Mask.movedFrom) != 0 {
            pending.append(Event(path: path, isDirectory: isDirectory, kind: .removed))
            if isDirectory { forget(below: path) }
        } else if isDirectory {
            guard mask & (Mask.create | Mask.movedTo) != 0 else { return }
            pending.append(Event(path: path, isDirectory: true, kind: .created))
            guard folder.recursive else { return }
            do {
                try addTree(path, recursive: true, report: true)
            } catch {
                onError(error)
            }
        } else if mask & (Mask.closeWrite | Mask.movedTo) != 0 {
            pending.append(Event(path: path, isDirectory: false, kind: .changed))
        }
    }

    /// Drops the watches of `path` and the folders below it (deleted or moved away; a folder
    /// moved within the tree is watched again under its new name).
    private func forget(below path: String) {
        for (wd, folder) in folders where folder.path == path || folder.path.hasPrefix(path + "/") {
            inotify_rm_watch(descriptor, wd)
            folders[wd] = nil
        }
    }

    private func scheduleFlush(after delay: Duration) {
        guard !flushScheduled else { return }
        flushScheduled = true
        queue.asyncAfter(deadline: .now() + .nanoseconds(Int(delay.nanoseconds))) { [weak self] in
            guard let self else { return }
            flushScheduled = false
            let quiet = lastEvent.duration(to: .now)
            if quiet < debounce {
                scheduleFlush(after: debounce - quiet)
                return
            }
            guard !pending.isEmpty, source != nil, !(source!.isCancelled) else { return }
            let batch = pending
            pending = []
            handler(batch)
        }
    }
}

/// The watcher could not watch.
public enum WatchError: Error, Sendable, CustomStringConvertible, Equatable {
    case watchLimitReached(path: String, limit: Int?)
    case instanceLimitReached(limit: Int?)
    case cannotWatch(path: String, reason: String)
    case cannotStart(reason: String)

    public var description: String {
        switch self {
        case .watchLimitReached(let path, let limit):
            let current = limit.map { " (fs.inotify.max_user_watches = \($0))" } ?? ""
            return "cannot watch \(path): the inotify watch limit is reached\(current); raise it, e.g. "
                + "`sudo sysctl fs.inotify.max_user_watches=524288`, or close other programs that watch files"
        case .instanceLimitReached(let limit):
            let current = limit.map { " (fs.inotify.max_user_instances = \($0))" } ?? ""
            return "cannot start watching: too many inotify instances\(current); raise it, e.g. "
                + "`sudo sysctl fs.inotify.max_user_instances=1024`"
        case .cannotWatch(let path, let reason):
            return "cannot watch \(path): \(reason)"
        case .cannotStart(let reason):
            return "cannot start watching files: \(reason)"
        }
    }

    /// The value of `/proc/sys/fs/inotify/<name>`.
    static func limit(_ name: String) -> Int? {
        guard let bytes = FileIO.read("/proc/sys/fs/inotify/" + name) else { return nil }
        return Int(String(decoding: bytes, as: UTF8.self).split(separator: "\n").first?.trimmingWhitespace() ?? "")
    }
}
