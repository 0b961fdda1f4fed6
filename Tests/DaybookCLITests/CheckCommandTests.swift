import Foundation
import Testing

@Suite("daybook check, run as a user runs it")
struct CheckCommandTests {
    @Test("check prints warnings and succeeds; --strict fails on them; nothing is written")
    func checkAndStrict() throws {
        let site = try SiteFolder(fixture: "valid-site")
        defer { site.remove() }
        let warnings = try String(contentsOfFile: SiteFolder.fixtures + "/valid-site/expected-warnings.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let check = try site.daybook("check")
        #expect(check.status == 0, "\(check)")
        #expect(check.stderrLines == warnings)
        #expect(check.stdoutLines == ["Checked 7 papers over 3 days: no errors, 2 warnings"])
        let strict = try site.daybook("check", "--strict")
        #expect(strict.status == 1, "\(strict)")
        #expect(strict.stderrLines == warnings)
        #expect(!site.exists("site"))
    }

    @Test("check reports every error of an invalid site and exits 1")
    func checkErrors() throws {
        let site = try SiteFolder(fixture: "invalid-wrong-type")
        defer { site.remove() }
        let expected = try String(contentsOfFile: SiteFolder.fixtures + "/invalid-wrong-type/expected-errors.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let result = try site.daybook("check")
        #expect(result.status == 1)
        #expect(result.stderrLines == expected + ["check failed: \(expected.count) errors"])
        #expect(!site.exists("site"))
    }
}
