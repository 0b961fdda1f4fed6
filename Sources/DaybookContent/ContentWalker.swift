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
                if entry.name.hasSuffix(".md") {
                    files.append(File(path: folder + "/" + relative, displayPath: shown, kind: .record))
                } else if entry.name.hasSuffix(".json") {
                    files.append(File(path: folder + "/" + relative, displayPath: shown, kind: .huggingFace))
                }
            }
        }
        guard problems.isEmpty else { throw ContentError(problems) }
        return files.sorted { $0.displayPath < $1.displayPath }
    }
}
