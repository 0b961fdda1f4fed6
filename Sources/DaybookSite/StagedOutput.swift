import DaybookSystem
import Synchronization

/// One write of the output folder in progress (`OutputWriter.stage`): files arrive from any
/// thread as the build makes them; each is compared with what the output holds (by the build
/// cache's hash, else by reading the old file) and, when new or changed, written to the staging
/// folder beside the output, so the build keeps no page in memory once it is staged. Nothing in
/// the output folder changes until `commit`; `discard` (or a failure) leaves it as it was.
package final class StagedOutput: OutputSink {
    let writer: OutputWriter
    let staging: String
    /// The output folder does not exist yet: the staging folder becomes it.
    let fresh: Bool
    /// The last build's manifest, when trusted (never for a fresh folder), and what the output
    /// folder holds when there is no manifest to say it (a walk; empty when fresh or with one):
    /// found when first asked for, as the first file is staged, so that the manifest can decode
    /// on another core while the build loads its content.
    private let known: Deferred<(previous: BuildManifest?, existing: Set<String>)>
    var previous: BuildManifest? { known.value.previous }
    var existing: Set<String> { known.value.existing }
    /// Whether bytes are hashed for the manifest.
    let records: Bool
    private let state = Mutex(State())

    /// What was staged: per path, its bytes' hash and whether it differs from the output.
    struct Staged {
        var hash: UInt64
        var changed: Bool
    }

    private struct State {
        var files: [String: Staged] = [:]
        var failure: String?
    }

    init(writer: OutputWriter, staging: String, previous: @escaping @Sendable () -> BuildManifest?, records: Bool) {
        self.writer = writer
        self.staging = staging
        let fresh = !FileIO.isDirectory(writer.outputDirectory), output = writer.outputDirectory
        self.fresh = fresh
        known = Deferred {
            let manifest = fresh ? nil : previous()
            return (manifest, fresh || manifest != nil ? [] : Set(FileIO.walkFiles(output)))
        }
        self.records = records
    }

    package func add(_ path: String, _ file: RenderedSite.File) {
        guard !hasFailed else { return }
        let bytes: [UInt8]
        switch file {
        case .bytes(let made):
            bytes = made
        case .copy(let source):
            guard let read = FileIO.read(source) else { return fail("cannot read \(source) (to copy to \(path))") }
            bytes = read
        }
        let hash = records ? XXH64.hash(bytes) : 0
        let (previous, existing) = known.value
        let unchanged = if let entry = previous?.files[path] {
            entry.hash == hash
        } else {
            previous == nil && existing.contains(path) && OutputWriter.same(bytes, at: writer.outputDirectory + "/" + path)
        }
        if !unchanged {
            do throws(FileIO.Failure) {
                try FileIO.write(bytes, creatingFoldersTo: staging + "/" + path)
            } catch {
                return fail(error.description)
            }
        }
        state.withLock { $0.files[path] = Staged(hash: hash, changed: !unchanged) }
        writer.progress?.advance()
    }

    package var hasFailed: Bool { state.withLock { $0.failure != nil } }

    /// The first failure, if any.
    var failure: String? { state.withLock { $0.failure } }

    private func fail(_ message: String) {
        state.withLock { if $0.failure == nil { $0.failure = message } }
    }

    /// Every path staged so far, with what was found.
    var files: [String: Staged] { state.withLock { $0.files } }

    /// Removes the staging folder; the output folder stays as it was.
    package func discard() {
        FileIO.removeTree(staging)
    }
}
