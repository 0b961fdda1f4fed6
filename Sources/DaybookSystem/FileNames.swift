/// Which names in a site's folders are not the user's files: the one rule the content loader,
/// the preview's watcher and its change classifier share.
package enum FileNames {
    /// Hidden files and folders (`.git`, `.DS_Store`) and editor leftovers: lock files (`#name#`,
    /// `.#name`), backups (`name~`, `.bak`), swap files (`.swp`), Vim's write test (`4913`) and
    /// the temporaries of atomic saves (`.tmp`, JetBrains' `___jb_tmp___`).
    package static func isIgnored(_ name: String) -> Bool {
        isIgnored(name[...])
    }

    /// `isIgnored` of a name within a path (no copy of it made).
    package static func isIgnored(_ name: Substring) -> Bool {
        // On bytes: every content file's name is checked, and `String.hasSuffix` compares
        // Unicode-aware (all the patterns are ASCII, and a combining mark after one is a byte too).
        let bytes = name.utf8
        guard let first = bytes.first, let last = bytes.last else { return false }
        return first == UInt8(ascii: ".") || first == UInt8(ascii: "#") || last == UInt8(ascii: "~") || name == "4913"
            || leftoverSuffixes.contains { hasSuffix(bytes, $0) }
    }

    /// Whether `bytes` end with `suffix` (compared byte for byte).
    package static func hasSuffix(_ bytes: some BidirectionalCollection<UInt8>, _ suffix: [UInt8]) -> Bool {
        var index = bytes.endIndex
        for byte in suffix.reversed() {
            guard index != bytes.startIndex else { return false }
            bytes.formIndex(before: &index)
            guard bytes[index] == byte else { return false }
        }
        return true
    }

    private static let leftoverSuffixes = [".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".kate-swp", ".crswap",
                                           "___jb_tmp___", "___jb_old___"].map { Array($0.utf8) }
}
