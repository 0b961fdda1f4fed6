import DaybookSite
import DaybookSystem
import Foundation
import Synchronization

/// A build's progress on the terminal's `ProgressLine` (stage, count, rate), read from the
/// builder's `BuildProgress` five times a second once the build has run for a second; the line
/// is wiped when the build ends. Not a terminal: nothing is drawn.
final class BuildProgressLine: Sendable {
    let progress = BuildProgress()
    private let line = ProgressLine()
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)
    /// Signalled by `stop`, so that the poll ends at once instead of after its pause (a sleep
    /// here held every build's end back by up to 0.2 s).
    private let wake = DispatchSemaphore(value: 0)

    init() {
        Thread.detachNewThread { [self] in poll() }
    }

    /// Stops drawing and wipes the line.
    func stop() {
        running.store(false, ordering: .relaxed)
        wake.signal()
        finished.wait()
        line.finish()
    }

    private func poll() {
        let start = ContinuousClock.now
        while running.load(ordering: .relaxed) {
            _ = wake.wait(timeout: .now() + .milliseconds(200))
            let now = ContinuousClock.now
            let snapshot = progress.snapshot
            guard now - start >= .seconds(1), !snapshot.stage.isEmpty, running.load(ordering: .relaxed) else { continue }
            var text = snapshot.stage
            if snapshot.total > 0 {
                let seconds = max((now - snapshot.started).seconds, 0.001)
                text += " \(snapshot.done)/\(snapshot.total) (\(Int(Double(snapshot.done) / seconds))/s)"
            } else {
                text += "…"
            }
            line.update(text)
        }
        finished.signal()
    }
}
