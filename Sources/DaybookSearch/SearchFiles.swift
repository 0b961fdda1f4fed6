/// The files of one version of a search index, found by path without being copied out: what the
/// preview serves from memory (a build writes `SearchIndex.files`). Holding one costs a reference
/// per document (the texts are the index's own), so a served version and the index the preview
/// goes on updating share them.
package struct SearchFiles: Sendable {
    /// `search/index/` under the output folder.
    let folder: String
    /// Per chunk number, `docs/<n>.json`'s text ("" for none).
    let docChunks: [String]
    /// `terms/<key>.json`'s text by key, and the keys in order.
    let shards: [String: String]
    let shardKeys: [String]
    let meta: String

    /// The text of the file at `path` (relative to the output folder), if the index has it.
    package func text(at path: String) -> String? {
        guard path.hasPrefix(folder) else { return nil }
        let name = path.dropFirst(folder.count)
        if name == "meta.json" { return meta }
        guard name.hasSuffix(".json") else { return nil }
        if name.hasPrefix("docs/") {
            let number = name.dropFirst("docs/".count).dropLast(".json".count)
            // Only the canonical spelling (`docs/7.json`, not `docs/007.json` or `docs/+7.json`).
            guard let n = Int(number), n >= 0, n < docChunks.count, String(n) == number, !docChunks[n].isEmpty else { return nil }
            return docChunks[n]
        }
        if name.hasPrefix("terms/") {
            return shards[String(name.dropFirst("terms/".count).dropLast(".json".count))]
        }
        return nil
    }

    /// Every file's path, as `SearchIndex.files` lists them.
    package var paths: [String] {
        var out: [String] = []
        out.reserveCapacity(docChunks.count + shardKeys.count + 1)
        for (n, text) in docChunks.enumerated() where !text.isEmpty { out.append(folder + "docs/\(n).json") }
        for key in shardKeys { out.append(folder + "terms/\(key).json") }
        out.append(folder + "meta.json")
        return out
    }
}

extension SearchIndex {
    /// This version's files, to serve from memory.
    package var servedFiles: SearchFiles {
        SearchFiles(folder: folder, docChunks: docChunks, shards: shards.mapValues(\.text), shardKeys: shardKeys, meta: meta)
    }
}
