import Foundation
import Testing
@testable import DaybookContent
import DaybookTestSupport

/// Random and mutated inputs: the parsers never crash, and every failure is a positioned error in
/// the right file. Seeded, so a failure reproduces.
@Suite("Property tests")
struct PropertyTests {
    static let seedRecord = """
    ---
    id: "2405.01234"
    title: "Quantized Attention: Fast and Small"
    authors: [Ada Lovelace, Alan Turing]
    day: 2026-11-20
    published: 2024-05-02
    upvotes: 42
    tags: [llm, quantization]
    summary: One sentence.
    links: {code: "https://github.com/x/y"}
    stars: 7
    ---
    The abstract with $x^2$ and **bold**.
    """

    /// Pieces that tend to break YAML, JSON and the fence logic.
    static let fragments: [[UInt8]] = [
        "---", "\n---\n", ":", ": ", "\"", "'", "[", "]", "{", "}", ",", "\n", "\r\n", "\r", "\t", "#", "&a ", "*a",
        "!!str ", "|", ">", "- ", "  ", "~", "null", "\\", "\\u00", "é", "😀", "2026-02-30", "-1", "1e309", "26.5",
        "\u{FEFF}", "\u{2028}", "%YAML 1.1\n", "<<: ", "? ", "...",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF]]

    static func mutate(_ input: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0:
                bytes.insert(contentsOf: fragments.randomElement(using: &random)!, at: position)
            case 1 where !bytes.isEmpty:
                let end = min(bytes.count, position + Int.random(in: 1...12, using: &random))
                bytes.removeSubrange(min(position, bytes.count - 1)..<end)
            case 2 where !bytes.isEmpty:
                bytes[min(position, bytes.count - 1)] = UInt8.random(in: 0...255, using: &random)
            case 3:
                // Repeat a line somewhere else.
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                if let line = lines.randomElement(using: &random) { bytes.insert(contentsOf: line + [0x0A], at: position) }
            default:
                bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }

    static func checkPositioned(_ error: ContentError, path: String, input: [UInt8]) {
        let lineCount = input.count { $0 == 0x0A } + 1
        #expect(!error.diagnostics.isEmpty)
        for diagnostic in error.diagnostics {
            #expect(diagnostic.path == path)
            #expect(diagnostic.line >= 1 && diagnostic.line <= lineCount + 1, "\(diagnostic) in \(String(decoding: input, as: UTF8.self).debugDescription)")
            #expect(diagnostic.column >= 1)
            #expect(diagnostic.severity == .error)
        }
    }

    @Test func mutatedRecordsGiveAValidPaperOrPositionedErrors() {
        var random = SeededGenerator(seed: 20261120)
        let path = "content/papers/x.md"
        let seed = Array(Self.seedRecord.utf8)
        var valid = 0
        for _ in 0..<3000 {
            let input = Self.mutate(seed, using: &random)
            do {
                let paper = try PaperRecordParser.parse(bytes: input, path: path)
                valid += 1
                #expect(PaperID.isValid(paper.id))
                #expect(!paper.title.isEmpty)
                #expect(paper.source.path == path && paper.source.bodyLine >= 3)
            } catch {
                Self.checkPositioned(error, path: path, input: input)
            }
        }
        #expect(valid > 100 && valid < 2900)  // the mutations exercise both outcomes
    }

    @Test func mutatedHuggingFaceJSONGivesPapersOrPositionedErrors() {
        var random = SeededGenerator(seed: 909)
        let path = "content/hf/x.json"
        let seed = Array(sampleJSON.utf8)
        #expect(!seed.isEmpty)
        var valid = 0
        for _ in 0..<1500 {
            let input = Self.mutate(seed, using: &random)
            do {
                let papers = try HuggingFacePaperDecoder.decode(bytes: input, path: path)
                valid += 1
                #expect(papers.allSatisfy { PaperID.isValid($0.id) && !$0.title.isEmpty })
            } catch {
                Self.checkPositioned(error, path: path, input: input)
            }
        }
        #expect(valid > 50 && valid < 1450)
    }

    @Test func randomBytesNeverCrashTheParsers() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<1000 {
            let count = Int.random(in: 0...80, using: &random)
            var input = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            if Bool.random(using: &random) { input = Array("---\n".utf8) + input }
            if let error = errorOf({ () throws(ContentError) in _ = try PaperRecordParser.parse(bytes: input, path: "r.md") }) {
                Self.checkPositioned(error, path: "r.md", input: input)
            }
            if let error = errorOf({ () throws(ContentError) in _ = try HuggingFacePaperDecoder.decode(bytes: input, path: "r.json") }) {
                Self.checkPositioned(error, path: "r.json", input: input)
            }
        }
    }

    @Test func generatedRecordsRoundTripThroughTheParser() throws {
        var random = SeededGenerator(seed: 42)
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 :#-'\"\\é—😀[]{},&*!|>%@`")
        func text(_ range: ClosedRange<Int>) -> String {
            var out = String((0..<Int.random(in: range, using: &random)).map { _ in letters.randomElement(using: &random)! })
            out = SourceText.collapsingWhitespace(out)
            return out.isEmpty ? "x" : out
        }
        func quoted(_ value: String) -> String {
            "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        for index in 0..<500 {
            let day = Day(daysSinceEpoch: Int.random(in: 0...40_000, using: &random))
            let title = text(1...40)
            let authors = (0..<Int.random(in: 0...5, using: &random)).map { _ in text(1...20) }
            let upvotes = Int.random(in: 0...100_000, using: &random)
            let id = Bool.random(using: &random) ? String(format: "%04d.%05d", index % 10000, index) : "slug-\(index)"
            let abstract = text(0...200)
            let record = """
            ---
            id: \(quoted(id))
            title: \(quoted(title))
            authors: [\(authors.map(quoted).joined(separator: ", "))]
            day: \(day)
            upvotes: \(upvotes)
            ---
            \(abstract)
            """
            let paper = try PaperRecordParser.parse(record, path: "p.md")
            #expect(paper.id == id)
            #expect(paper.title == title)
            #expect(paper.authors == authors)
            #expect(paper.day == day)
            #expect(paper.upvotes == upvotes)
            #expect(paper.abstract == abstract)
        }
    }
}

func errorOf(_ body: () throws(ContentError) -> Void) -> ContentError? {
    do {
        try body()
        return nil
    } catch {
        return error
    }
}
