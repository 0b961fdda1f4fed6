import Foundation
import Testing
@testable import DaybookContent
import DaybookTestSupport

// `SeededGenerator` (SplitMix64) comes from DaybookTestSupport.

@Suite("Importers on random and mutated input")
struct ImporterPropertyTests {
    static let fragments = [
        "new", "Subscribe", "Daily Papers", "by AK and the research community", "Dec 29", "Feb 29", "Feb 30, 2023", "·", "•",
        "  • 6 authors", "1 author", "Jan 31, 2024 1", "Nov 3 1", "A Short Title", "HyperZ$\\cdot$Z$\\cdot$W",
        "SubscribeA Fused Title", String(repeating: "An abstract sentence. ", count: 30), "Short sentence.", "",
        "", "\t", "\r", "<human, action, object>", "---", "id: x", "🚀 émoji", "\u{0}", "\u{FEFF}", "999999999999999999999 authors",
        "Dec 99", "May 5, 99999", "Jan 1 99999999999",
    ]

    static func randomListing(_ rng: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...40, using: &rng)
        return (0..<count).map { _ in
            if Int.random(in: 0..<8, using: &rng) == 0 {
                return String((0..<Int.random(in: 0...20, using: &rng)).map { _ in
                    Character(Unicode.Scalar(UInt8.random(in: 0...127, using: &rng)))
                })
            }
            return fragments.randomElement(using: &rng)!
        }.joined(separator: Bool.random(using: &rng) ? "\n" : "\n\n")
    }

    static func mutate(_ text: String, _ rng: inout SeededGenerator) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...6, using: &rng) where !lines.isEmpty {
            let index = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: lines.remove(at: index)
            case 1: lines.insert(lines[index], at: index)
            case 2: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &rng))
            case 3: lines[index] = String(lines[index].prefix(Int.random(in: 0...lines[index].count, using: &rng)))
            case 4: lines.insert(fragments.randomElement(using: &rng)!, at: index)
            default: lines = Array(lines.prefix(index))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Problems with one listing result: papers need a title and a slug id, and one id never names two titles.
    static func checkListing(_ text: String) {
        do {
            let result = try ListingTextImporter(day: Day(iso: "2025-12-29")!).papers(from: text, path: "r.txt")
            var owners: [String: String] = [:]
            var bad: [String] = []
            for paper in result.papers {
                if !PaperID.isSlug(paper.id) || paper.title.isEmpty { bad.append(paper.id) }
                let title = paper.title.lowercased()
                if let owner = owners.updateValue(title, forKey: paper.id), owner != title { bad.append(paper.id) }
            }
            #expect(!result.papers.isEmpty && bad.isEmpty, "\(bad)")
        } catch {
            #expect(!error.diagnostics.isEmpty
                    && error.diagnostics.allSatisfy { $0.path == "r.txt" && $0.line >= 1 && $0.column >= 1 }, "\(error)")
        }
    }

    static func checkAtom(_ data: Data) {
        do {
            let result = try ArxivAtomImporter().papers(from: data, path: "r.xml")
            #expect(result.papers.allSatisfy { PaperID.isArxiv($0.id) && !$0.title.isEmpty })
        } catch {
            #expect(!error.diagnostics.isEmpty
                    && error.diagnostics.allSatisfy { $0.path == "r.xml" && $0.line >= 1 && $0.column >= 1 }, "\(error)")
        }
    }

    @Test func randomListingTextGivesPapersOrAPositionedError() {
        var rng = SeededGenerator(seed: 20_251_229)
        for _ in 0..<400 { Self.checkListing(Self.randomListing(&rng)) }
    }

    @Test(arguments: ["listing-layout1.txt", "listing-layout2.txt", "listing-layout3.txt"])
    func mutatedListingsGivePapersOrAPositionedError(_ name: String) throws {
        let text = try ImportFixtures.text(name)
        var rng = SeededGenerator(seed: UInt64(name.utf8.count) &* 7919)
        for _ in 0..<40 { Self.checkListing(Self.mutate(text, &rng)) }
    }

    @Test func mutatedAtomFeedsGivePapersOrAPositionedError() throws {
        let sample = try ImportFixtures.text("arxiv-api.sample.xml")
        let scalars = Array(sample.unicodeScalars)
        var rng = SeededGenerator(seed: 4_664)
        let junk: [String] = ["<", ">", "&", "&amp;", "</entry>", "<entry>", "\"", "<title>Error</title>", "\u{0}", "]]>", "<![CDATA[x"]
        for _ in 0..<300 {
            var mutated = scalars
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !mutated.isEmpty {
                let index = Int.random(in: 0..<mutated.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: mutated.removeSubrange(index..<min(mutated.count, index + Int.random(in: 1...40, using: &rng)))
                case 1: mutated.insert(contentsOf: junk.randomElement(using: &rng)!.unicodeScalars, at: index)
                case 2: mutated = Array(mutated.prefix(index))
                default: mutated[index] = Unicode.Scalar(UInt8.random(in: 0...127, using: &rng))
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: mutated)
            Self.checkAtom(Data(text.utf8))
        }
        for _ in 0..<100 {
            Self.checkAtom(Data((0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }))
        }
    }
}
