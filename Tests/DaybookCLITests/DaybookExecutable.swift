import Foundation
import Testing

/// What one run of the `daybook` executable did.
struct CommandResult: CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String
    /// True when the run was stopped because it outlived its timeout.
    let timedOut: Bool

    var stdoutLines: [String] { lines(stdout) }
    var stderrLines: [String] { lines(stderr) }

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)--- stderr\n\(stderr)"
    }

    private func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
    }
}

/// The built `daybook` executable, run as a user runs it: a child process with arguments, a working
/// folder, an environment and no terminal. Every run has a timeout, so a hung command fails its test
/// instead of hanging the suite.
enum DaybookExecutable {
    /// `daybook` beside the test bundle (`swift build` puts both in `.build/<triple>/debug/`), or `$DAYBOOK_BIN`.
    static let path: String = {
        if let explicit = ProcessInfo.processInfo.environment["DAYBOOK_BIN"] { return explicit }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        // On Linux the test runner is `<folder>/DaybookPackageTests.xctest`; elsewhere a bundle inside `<folder>`.
        if folder.pathExtension == "xctest" || folder.path.hasSuffix("/Contents/MacOS") {
            while folder.pathExtension != "xctest", folder.path != "/" { folder.deleteLastPathComponent() }
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("daybook").path
    }()

    /// Runs `daybook ARGUMENTS` in `directory` and waits for it, at most `timeout`.
    static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                    input: String? = nil, timeout: Duration = .seconds(120)) throws -> CommandResult {
        let running = try start(arguments, in: directory, environment: environment, input: input)
        return running.wait(timeout: timeout)
    }

    /// Starts `daybook ARGUMENTS` in `directory` and returns at once; `stop()` or `wait(timeout:)` ends it.
    static func start(_ arguments: [String], in directory: String, environment: [String: String] = [:],
                      input: String? = nil) throws -> RunningCommand {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw ExecutableMissing(path: path)
        }
        return try RunningCommand(executable: path, arguments: arguments, directory: directory,
                                  environment: environment, input: input)
    }

    struct ExecutableMissing: Error, CustomStringConvertible {
        let path: String
        var description: String { "no daybook executable at \(path): run `swift build` first, or set DAYBOOK_BIN" }
    }
}

/// A `daybook` process started by a test. Its output goes to files, so a chatty command never blocks on a full pipe.
final class RunningCommand: @unchecked Sendable {
    let process = Process()
    private let outputFolder: URL
    private let stdoutURL: URL
    private let stderrURL: URL

    init(executable: String, arguments: [String], directory: String, environment: [String: String],
         input: String?) throws {
        outputFolder = FileManager.default.temporaryDirectory.appendingPathComponent("daybook-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        stdoutURL = outputFolder.appendingPathComponent("stdout")
        stderrURL = outputFolder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        // A user's shell has no terminal here; keep the run free of the developer's own settings.
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        if let input {
            let inputURL = outputFolder.appendingPathComponent("stdin")
            try Data(input.utf8).write(to: inputURL)
            process.standardInput = try FileHandle(forReadingFrom: inputURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
    }

    deinit {
        if process.isRunning { process.interrupt(); kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: outputFolder)
    }

    var stdout: String { read(stdoutURL) }
    var stderr: String { read(stderrURL) }

    /// Waits until standard output or error contains `text`, the process exits, or `timeout` passes.
    @discardableResult
    func waitForOutput(containing text: String, timeout: Duration = .seconds(60)) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if stdout.contains(text) || stderr.contains(text) { return true }
            if !process.isRunning { return stdout.contains(text) || stderr.contains(text) }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return false
    }

    /// Sends `signal` (SIGINT by default, as Ctrl-C does) and waits for the process to end.
    func stop(signal: Int32 = SIGINT, timeout: Duration = .seconds(20)) -> CommandResult {
        if process.isRunning { kill(process.processIdentifier, signal) }
        return wait(timeout: timeout)
    }

    /// Waits for the process to end; past `timeout` it is killed and the result says so.
    func wait(timeout: Duration) -> CommandResult {
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        while process.isRunning {
            if ContinuousClock.now >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        return CommandResult(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut)
    }

    private func read(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }
}
