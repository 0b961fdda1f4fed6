import Foundation
import Testing

/// Replays what the fuzzer found (`Tests/FuzzFindings/`, see its README): no crash, every error positioned.
@Suite("fuzz findings stay fixed")
struct FuzzFindingsTests {
    static let folder = SiteFolder.repositoryRoot + "/Tests/FuzzFindings"
    static let findings = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { FileManager.default.fileExists(atPath: folder + "/" + $0 + "/COMMAND") }.sorted()

    @Test("each finding exits cleanly with positioned errors", arguments: findings)
    func replay(_ name: String) throws {
        let site = SiteFolder()
        defer { site.remove() }
        let source = FuzzFindingsTests.folder + "/" + name
        var inputs: [String] = []
        for item in try FileManager.default.contentsOfDirectory(atPath: source) where item != "COMMAND" {
            try FileManager.default.copyItem(atPath: source + "/" + item, toPath: site.url(item))
        }
        inputs = site.files()
        let command = try String(contentsOfFile: source + "/COMMAND", encoding: .utf8)
            .split(separator: "\n").first.map { $0.split(separator: " ").map(String.init) } ?? []
        let result = try DaybookExecutable.run(command, in: site.path, timeout: .seconds(60))
        #expect([0, 1, 64].contains(result.status) && !result.timedOut, "\(result)")
        for line in result.stderrLines where inputs.contains(where: { line.hasPrefix($0 + ":") }) {
            #expect(line.firstMatch(of: #/^[^:]+:\d+:\d+: /#) != nil, "no position: \(line)")
        }
    }
}
