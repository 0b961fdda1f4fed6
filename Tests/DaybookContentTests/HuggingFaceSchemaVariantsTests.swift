import Foundation
import Testing
@testable import DaybookContent

/// The payloads Hugging Face's `/api/daily_papers` has served since 2024, as recorded for the fetch
/// tests (`Tests/Replay/recordings`, see its README).
@Suite("HuggingFacePaperDecoder: schema versions 2024–2026")
struct HuggingFaceSchemaVariantsTests {
    static func recording(_ name: String) throws -> [UInt8] {
        let url = ImportFixtures.repositoryRoot.appendingPathComponent("Tests/Replay/recordings/\(name)")
        return [UInt8](try Data(contentsOf: url))
    }

    @Test func early2024ItemsWithoutSubmittedOnDailyAtAreFeaturedOnTheRequestedDay() throws {
        let bytes = try Self.recording("hf-2024-03-05.json")
        #expect(!String(decoding: bytes, as: UTF8.self).contains("submittedOnDailyAt"))
        let papers = try HuggingFacePaperDecoder.decode(bytes: bytes, path: "x.json", requestedDay: Day(iso: "2024-03-05"))
        #expect(papers.count == 12)
        #expect(papers.allSatisfy { $0.day == Day(iso: "2024-03-05") && $0.summary == nil && $0.links.code == nil })
        // Without the requested day, the item's publishedAt (when it was listed) decides.
        let plain = try HuggingFacePaperDecoder.decode(bytes: bytes, path: "x.json")
        #expect(plain.allSatisfy { $0.day == Day(iso: "2024-03-05") })
    }

    @Test func submittedOnDailyAtWinsOverTheRequestedDay() throws {
        let papers = try HuggingFacePaperDecoder.decode(bytes: try Self.recording("hf-2025-09-08-p0.json"), path: "x.json",
                                                        requestedDay: Day(iso: "2025-09-09"))
        #expect(papers.count == 100)
        #expect(papers.allSatisfy { $0.day == Day(iso: "2025-09-08") })
    }

    @Test func the2026SchemaWithOrganizationAndNewKeysDecodes() throws {
        let bytes = try Self.recording("hf-2026-12-01.json")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"organization\"") && text.contains("\"ai_summary_model\"") && text.contains("\"githubRepoAddedBy\""))
        let papers = try HuggingFacePaperDecoder.decode(bytes: bytes, path: "x.json", requestedDay: Day(iso: "2026-12-01"))
        #expect(papers.count == 48)
        #expect(Set(papers.map(\.id)).count == 48)
        #expect(papers.contains { $0.links.code?.hasSuffix("/") == true })
        #expect(papers.contains { $0.stars == 0 && $0.links.code == nil })
        // Hidden authors are dropped.
        #expect(papers.allSatisfy { $0.authors.count <= 8 })
    }
}
