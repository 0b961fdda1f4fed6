import DaybookContent
import DaybookSystem
import Foundation
import DaybookTestSupport
import Testing
@testable import DaybookSite

/// The build cache's hash and its manifest file.
@Suite struct BuildManifestTests {
    /// Reference values from the xxHash library (Python's `xxhash.xxh64(data, seed).hexdigest()`).
    @Test(arguments: [
        ("", 0, "ef46db3751d8e999"),
        ("a", 0, "d24ec4f1a98c6e5b"),
        ("abc", 0, "44bc2cf5ad770999"),
        ("Nobody inspects the spammish repetition", 0, "fbcea83c8a378bf1"),
        (String(repeating: "a", count: 100), 7, "b97967d02e227e7b"),
    ] as [(String, UInt64, String)])
    func xxh64MatchesTheReference(text: String, seed: UInt64, expected: String) {
        #expect(String(XXH64.hash(Array(text.utf8), seed: seed), radix: 16) == expected)
        #expect(String(XXH64.hash(text, seed: seed), radix: 16) == expected)
    }

    @Test func xxh64MatchesTheReferenceOnEveryTailLength() {
        let bytes = (0..<3).flatMap { _ in (0..<256).map { UInt8($0) } } + Array("xyz".utf8)
        #expect(String(XXH64.hash(bytes, seed: 123_456_789), radix: 16) == "48336f923b785a7c")
    }

    /// The streaming form (what `StableHasher` uses) equals the one-shot hash of the concatenation,
    /// however the bytes are cut (pieces across and inside 32-byte stripes, empty pieces).
    @Test func xxh64StreamingEqualsTheOneShotHashForAnyCut() {
        let bytes = (0..<3).flatMap { _ in (0..<256).map { UInt8($0) } } + Array("xyz".utf8)
        var random = SeededGenerator(state: 42)
        for length in [0, 1, 7, 31, 32, 33, 63, 64, 100, bytes.count] {
            let input = Array(bytes.prefix(length))
            for _ in 0..<20 {
                var stream = XXH64.Streaming(seed: 123_456_789)
                var offset = 0
                while offset < input.count {
                    let piece = Int.random(in: 0...min(40, input.count - offset), using: &random)
                    input[offset..<offset + piece].withUnsafeBytes { stream.update($0) }
                    offset += piece
                }
                #expect(stream.value == XXH64.hash(input, seed: 123_456_789), "length \(length)")
            }
        }
    }

    @Test func stableHasherFramesItsValues() {
        var a = StableHasher(), b = StableHasher(), c = StableHasher()
        a.combine("ab"); a.combine("c")
        b.combine("a"); b.combine("bc")
        c.combine("ab"); c.combine("c")
        #expect(a.value != b.value)
        #expect(a.value == c.value)
        var none = StableHasher(), zero = StableHasher()
        none.combine(nil as Int?)
        zero.combine(0 as Int?)
        #expect(none.value != zero.value)
    }

    static let sample = BuildManifest(
        output: "/srv/my site/out",
        inputs: 0xDEAD_BEEF_0123_4567,
        started: 1_796_000_000_123_456_789,
        warnings: [Diagnostic(path: "content/papers/a\tb.md", line: 3, column: 8, message: "odd 100% value\nsecond line",
                              severity: .warning)],
        files: [
            "index.html": .init(stamp: FileStamp(size: 10, modified: 1, changed: 2, inode: 3), hash: 42, key: 7),
            "feed.xml": .init(stamp: FileStamp(size: 0, modified: 5, changed: 6, inode: UInt64.max), hash: UInt64.max, key: nil),
            "tags/50%25 off/index.html": .init(stamp: FileStamp(size: 1, modified: 1, changed: 1, inode: 1), hash: 1, key: 0),
        ])

    @Test func aManifestRoundTrips() {
        #expect(BuildManifest(decoding: BuildManifestTests.sample.encoded()) == BuildManifestTests.sample)
    }

    @Test func aDamagedManifestDoesNotLoad() {
        let bytes = BuildManifestTests.sample.encoded()
        #expect(BuildManifest(decoding: []) == nil)
        #expect(BuildManifest(decoding: Array(bytes.dropLast(5))) == nil)
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(BuildManifest(decoding: damaged) == nil, "byte \(index)")
        }
        // A well-formed file, checksum and all, of another format version.
        let text = String(decoding: bytes, as: UTF8.self)
        let body = Array(text[..<text.range(of: "end\t")!.lowerBound].replacingOccurrences(of: "cache 1", with: "cache 9").utf8)
        let other = body + Array("end\t\(String(XXH64.hash(body), radix: 16))\n".utf8)
        #expect(BuildManifest(decoding: other) == nil)
        let same = Array(text[..<text.range(of: "end\t")!.lowerBound].utf8)
        #expect(BuildManifest(decoding: same + Array("end\t\(String(XXH64.hash(same), radix: 16))\n".utf8)) != nil)
    }
}

/// A page's key covers every field of the papers it shows.
@Suite struct PageKeysTests {
    @Test func thePaperHashCoversEveryStoredField() {
        let paper = Paper(id: "2405.01234", title: "T", day: Day(iso: "2026-11-20")!)
        let found = [
            "Paper": Mirror(reflecting: paper).children.compactMap(\.label),
            "PaperLinks": Mirror(reflecting: paper.links).children.compactMap(\.label),
            "SourceLocation": Mirror(reflecting: paper.source).children.compactMap(\.label),
        ]
        #expect(found == Paper.hashedFields, "a field was added: hash it in Paper.combine(into:) and list it in hashedFields")
    }

    @Test func everyFieldChangesThePaperHash() {
        let base = Paper(id: "2405.01234", title: "T", authors: ["A"], authorCount: nil, day: Day(iso: "2026-11-20")!,
                         abstract: "x", source: SourceLocation(path: "p.md", bodyLine: 5))
        func hash(_ paper: Paper) -> UInt64 {
            var hasher = StableHasher()
            paper.combine(into: &hasher)
            return hasher.value
        }
        var variants: [Paper] = []
        func vary(_ change: (inout Paper) -> Void) {
            var copy = base
            change(&copy)
            variants.append(copy)
        }
        vary { $0.id = "2405.01235" }
        vary { $0.title = "U" }
        vary { $0.authors = ["A", "B"] }
        vary { $0.authorCount = 3 }
        vary { $0.day = Day(iso: "2026-11-21")! }
        vary { $0.published = Day(iso: "2026-11-01")! }
        vary { $0.upvotes = 0 }
        vary { $0.tags = ["llm"] }
        vary { $0.summary = "" }
        vary { $0.links.arxiv = "a" }
        vary { $0.links.pdf = "a" }
        vary { $0.links.code = "a" }
        vary { $0.links.project = "a" }
        vary { $0.links.doi = "a" }
        vary { $0.stars = 1 }
        vary { $0.withdrawn = Day(iso: "2026-11-22")! }
        vary { $0.abstract = "y" }
        vary { $0.source.path = "q.md" }
        vary { $0.source.bodyLine = 6 }
        let hashes = Set(variants.map(hash) + [hash(base)])
        #expect(hashes.count == variants.count + 1)
    }
}

/// The manifest's header alone: what a build with nothing to do reads.
@Suite struct BuildManifestHeaderTests {
    @Test func theHeaderCarriesTheCountsAndTheIntactCheck() throws {
        let sample = BuildManifestTests.sample
        let header = try #require(BuildManifest(decoding: sample.encoded(), filesToo: false))
        #expect(header.files.isEmpty)
        #expect(header.fileCount == 3 && header.pageCount == 2)
        #expect(header.topLevel == ["feed.xml", "index.html", "tags"])
        #expect(header.checks == sample.checks && header.checks.count == 3)
        #expect(header.inputs == sample.inputs && header.started == sample.started && header.warnings == sample.warnings)
        // The checksum still covers the file entries.
        var damaged = sample.encoded()
        damaged[damaged.count - 30] ^= 0x01
        #expect(BuildManifest(decoding: damaged, filesToo: false) == nil)
    }
}
