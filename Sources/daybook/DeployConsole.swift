import DaybookDeploy
import Foundation

/// What `deploy` prints.
enum DeployConsole {
    static func printPlan(_ plan: DeployPlan, destination: any DeployDestination, listing: Bool) {
        print("Plan for \(destination):")
        if listing {
            for upload in plan.uploads {
                print("  upload  \(upload.file.path)  (\(upload.reason.rawValue), \(upload.phase), \(bytes(upload.file.size)))")
            }
            for path in plan.deletes {
                print("  delete  \(path)")
            }
        }
        print("\(plan.uploads.count) to upload (\(bytes(plan.uploadBytes))), \(plan.deletes.count) to delete, \(plan.unchanged.count) unchanged")
    }

    static func bytes(_ count: Int) -> String {
        if count < 1000 { return "\(count) B" }
        if count < 1_000_000 { return String(format: "%.1f KB", Double(count) / 1000) }
        return String(format: "%.1f MB", Double(count) / 1_000_000)
    }
}

/// One line on standard error, redrawn at most ten times a second, only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(FileHandle.standardError.fileDescriptor) != 0
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private var drawn = false

    func update(_ text: String) {
        guard isTerminal else { return }
        lock.withLock {
            let now = ContinuousClock.now
            guard now - lastDraw >= .milliseconds(100) else { return }
            lastDraw = now
            drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        }
    }

    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
