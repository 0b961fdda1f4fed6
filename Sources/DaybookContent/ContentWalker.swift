import DaybookSystem

/// Lists the record files under a folder, at any depth: `*.md` (paper records) and `*.json`
/// (Hugging Face papers). Names `FileNames.isIgnored` (hidden files and folders, editor leftovers)
/// are skipped; other files (images, notes) are not records and are left alone. Symbolic links
/// are followed, each folder once.
struct ContentWalker {
    enum Kind: Sendable { case record, huggingFace }

    struct File: Sendable {
        /// Path to open.
        var path: String
        /// Path shown to the user, relative to the site root.
        var displayPath: String
        var kind: Kind
        /// The file's stamp, when the listing it came from gave one.
        var stamp: FileStamp?
    }

    /// The files under `folder`, sorted by display path. Throws when `folder` cannot be read.
    static func files(in folder: String, displayPrefix: String) throws(ContentError) -> [File] {
        var files: [File] = []
        var problems: [Diagnostic] = []
        FileIO.walk(folder, skip: { name, _ in FileNames.isIgnored(name) }) { relative, entry in
            let shown = relative.isEmpty ? displayPrefix : displayPrefix.isEmpty ? relative : displayPrefix + "/" + relative
            switch entry.kind {
            case .directory:
                return
            case let .broken(code):
                let what = entry.isLink ? "cannot read" : "cannot read folder"
                problems.append(Diagnostic(path: shown, message: "\(what): \(FileIO.reason(code))"))
            case .file, .other:
                if let kind = kind(of: entry.name[...]) {
                    files.append(File(path: folder + "/" + relative, displayPath: shown, kind: kind))
                }
            }
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        return files.sorted { $0.displayPath < $1.displayPath }
    }

    /// What `files(in:displayPrefix:)` finds, taken from `listing` instead of a walk: every file
    /// below `folder`, relative to it and sorted, from a walk that met only folders and regular
    /// files (`FileStamp.scan`), so there is nothing it could not read.
    static func files(listed listing: [(path: String, stamp: FileStamp)], in folder: String, displayPrefix: String) -> [File] {
        // In runs on every core (a daily build lists 100,000 files here while the other core idles).
        let run = 8_192
        return Array(stride(from: 0, to: listing.count, by: run)).parallelMap { start in
            var files: [File] = []
            files.reserveCapacity(min(run, listing.count - start))
            // Sorted, so the files of a folder come together: each folder's path is checked once.
            var lastFolder: Substring = "", lastFolderIgnored = false
            for (relative, stamp) in listing[start..<min(listing.count, start + run)] {
                let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/"))
                let name = slash.map { relative[relative.index(after: $0)...] } ?? relative[...]
                guard let kind = kind(of: name), !FileNames.isIgnored(name) else { continue }
                let parent = slash.map { relative[..<$0] } ?? ""
                if parent != lastFolder {
                    lastFolder = parent
                    lastFolderIgnored = parent.split(separator: "/").contains { FileNames.isIgnored($0) }
                }
                guard !lastFolderIgnored else { continue }
                let shown = displayPrefix.isEmpty ? relative : displayPrefix + "/" + relative
                files.append(File(path: folder + "/" + relative, displayPath: shown, kind: kind, stamp: stamp))
            }
            return files
        }.flatMap { $0 }
    }

    /// A record file's kind by its name; nil for other files.
    private static func kind(of name: Substring) -> Kind? {
        FileNames.hasSuffix(name.utf8, markdownSuffix) ? .record : FileNames.hasSuffix(name.utf8, jsonSuffix) ? .huggingFace : nil
    }

    private static let markdownSuffix = Array(".md".utf8), jsonSuffix = Array(".json".utf8)
}
