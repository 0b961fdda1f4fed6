import Crypto
import DaybookSystem
import Foundation

/// ETag and Last-Modified of earlier downloads, with their bodies, in a folder beside the output
/// (`.daybook-cache/fetch/`), so a repeated fetch asks "changed since?" and a `304 Not Modified`
/// is answered from disk. Safe to delete: a missing or unreadable entry means a plain request.
/// Entries are written only by `commit`, after an import succeeded.
public struct ConditionalCache: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    public struct Entry: Sendable, Hashable, Codable {
        public var url: String
        public var etag: String?
        public var lastModified: String?
        public var body: [UInt8]

        public init(url: String, etag: String?, lastModified: String?, body: [UInt8]) {
            self.url = url
            self.etag = etag
            self.lastModified = lastModified
            self.body = body
        }
    }

    private struct Validators: Codable {
        var url: String
        var etag: String?
        var lastModified: String?
    }

    /// The stored entry for `url`, if there is a readable one for exactly that URL.
    public func entry(for url: String) -> Entry? {
        let base = folder + "/" + Self.key(url)
        guard let meta = FileManager.default.contents(atPath: base + ".json"),
              let validators = try? JSONDecoder().decode(Validators.self, from: meta), validators.url == url,
              validators.etag != nil || validators.lastModified != nil,
              let body = FileIO.read(base + ".body") else { return nil }
        return Entry(url: url, etag: validators.etag, lastModified: validators.lastModified, body: body)
    }

    /// Stores the entries (an entry without validators removes any old one for its URL).
    public func commit(_ entries: [Entry]) throws {
        guard !entries.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        for entry in entries {
            let base = folder + "/" + Self.key(entry.url)
            guard entry.etag != nil || entry.lastModified != nil else {
                try? FileManager.default.removeItem(atPath: base + ".json")
                try? FileManager.default.removeItem(atPath: base + ".body")
                continue
            }
            try Data(entry.body).write(to: URL(fileURLWithPath: base + ".body"), options: .atomic)
            let meta = try encoder.encode(Validators(url: entry.url, etag: entry.etag, lastModified: entry.lastModified))
            try meta.write(to: URL(fileURLWithPath: base + ".json"), options: .atomic)
        }
    }

    /// A file name for a URL: the first 32 hex digits of its SHA-256.
    static func key(_ url: String) -> String {
        Hex.encode(SHA256.hash(data: Array(url.utf8)).prefix(16))
    }
}
