import Foundation
@testable import DaybookContent

/// The error lines a throwing call produced, or `["no error"]` when it succeeded.
func errorLines(_ body: () throws(ContentError) -> Void) -> [String] {
    do {
        try body()
        return ["no error"]
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// `Tests/Fixtures/<name>`.
func fixturePath(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// A temporary site folder holding `files` (relative path → text); removed by `remove()`.
struct TemporarySite {
    let root: String

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "daybook-content-\(UUID().uuidString)"
        for (path, text) in files {
            try write(path, Data(text.utf8))
        }
    }

    func write(_ path: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: root).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }
}

/// A small, fast, seeded random generator (SplitMix64) so property tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
