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
            "index.html": .init(hash: 42, key: 7),
            "feed.xml": .init(hash: UInt64.max, key: nil),
            "tags/50%25 off/index.html": .init(hash: 1, key: 0),
            "tags/50%25 off/feed.xml": .init(hash: 2, key: 3),
            "tags/Götz/index.html": .init(hash: 3, key: 4),
        ],
        checks: [BuildManifest.Check(path: "index.html", stamp: FileStamp(size: 10, modified: 1, changed: 2, inode: UInt64.max))])

    @Test func aManifestRoundTrips() {
        #expect(BuildManifest(decoding: BuildManifestTests.sample.encoded()) == BuildManifestTests.sample)
        let sample = BuildManifestTests.sample
        let header = BuildManifest(decoding: sample.encoded(), filesToo: false)
        #expect(header?.files.isEmpty == true && header?.paths.isEmpty == true)
        #expect(header?.output == sample.output && header?.inputs == sample.inputs && header?.started == sample.started)
        #expect(header?.warnings == sample.warnings && header?.topLevel == sample.topLevel && header?.checks == sample.checks)
        #expect(header?.fileCount == sample.fileCount && header?.pageCount == sample.pageCount)
        #expect(sample.paths == sample.files.keys.sorted())
    }

    /// Over 16,384 files the paths are encoded in runs on several cores: the manifest still
    /// round-trips, its bytes do not depend on the cores, and the top-level folders and page count hold.
    @Test func aLargeManifestRoundTrips() {
        var files: [String: BuildManifest.Entry] = [:]
        for n in 0..<40_000 {
            files["papers/\(n)/index.html"] = .init(hash: UInt64(n), key: n % 3 == 0 ? nil : UInt64(n * 7))
        }
        for n in 0..<5_000 { files["search/docs/\(n).json"] = .init(hash: UInt64(n), key: UInt64(n)) }
        files["ä/index.html"] = .init(hash: 9, key: 9)
        let manifest = BuildManifest(output: "/out", inputs: 1, started: 2, files: files, checks: [])
        let bytes = manifest.encoded()
        #expect(BuildManifest(decoding: bytes) == manifest)
        #expect(bytes == manifest.encoded())
        #expect(manifest.topLevel == ["papers", "search", "ä"])
        #expect(manifest.pageCount == 26_666 + 1, "keyed HTML files: two in three papers, and ä")
    }

    @Test func theSampleOfChecksIsStampedFromTheOutputFolder() throws {
        let temp = TemporaryDirectory()
        defer { temp.cleanup() }
        temp.write("out/index.html", "home")
        temp.write("out/a/index.html", "a")
        let manifest = BuildManifest(output: temp.path + "/out", inputs: 1, started: 2,
                                     files: ["index.html": .init(hash: 1, key: 2), "a/index.html": .init(hash: 3, key: 4),
                                             "gone.html": .init(hash: 5, key: nil)])
        #expect(manifest.checks.map(\.path) == ["a/index.html", "index.html"], "a file not on disk is not sampled")
        #expect(manifest.outputLooksIntact() == false, "gone.html's top-level entry is missing")
        temp.write("out/gone.html", "back")
        #expect(manifest.outputLooksIntact())
        temp.write("out/index.html", "edited")
        #expect(!manifest.outputLooksIntact())
    }

    @Test func aDamagedManifestDoesNotLoad() {
        let bytes = BuildManifestTests.sample.encoded()
        #expect(BuildManifest(decoding: []) == nil)
        #expect(BuildManifest(decoding: Array(bytes.dropLast(5))) == nil)
        for index in stride(from: 0, to: bytes.count, by: 3) {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(BuildManifest(decoding: damaged) == nil, "byte \(index)")
        }
        // A well-formed file, checksum and all, of another format version.
        func withChecksum(_ body: [UInt8]) -> [UInt8] {
            var trailer = BinaryWriter()
            trailer.writeFixed(XXH64.hash(body))
            return body + trailer.bytes
        }
        var body = Array(bytes.dropLast(8))
        #expect(BuildManifest(decoding: withChecksum(body)) != nil)
        let version = BuildManifest.format.utf8.count  // the format's last character, after its length byte
        body[version] = UInt8(ascii: "9")
        #expect(BuildManifest(decoding: withChecksum(body)) == nil)
    }
}
