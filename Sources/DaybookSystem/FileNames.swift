/// Which names in a site's folders are not the user's files: the one rule the content loader,
/// the preview's watcher and its change classifier share.
package enum FileNames {
    /// Hidden files and folders (`.git`, `.DS_Store`) and editor leftovers: lock files (`#name#`,
    /// `.#name`), backups (`name~`, `.bak`), swap files (`.swp`), Vim's write test (`4913`) and
    /// the temporaries of atomic saves (`.tmp`, JetBrains' `___jb_tmp___`).
    package static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name == "4913"
            || leftoverSuffixes.contains { name.hasSuffix($0) }
    }

    private static let leftoverSuffixes = [".swp", ".swx", ".swo", ".tmp", ".temp", ".bak", ".kate-swp", ".crswap",
                                           "___jb_tmp___", "___jb_old___"]
}
