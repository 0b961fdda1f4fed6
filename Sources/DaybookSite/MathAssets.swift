import Foundation

/// KaTeX's files, served from the site itself under `assets/katex/` when some page has math.
///
/// They come from Debian's `libjs-katex` (`/usr/share/javascript/katex`), or from the folder in
/// `DAYBOOK_KATEX`, or `BuildOptions.katexDirectory`. Only what browsers need is copied: the
/// minified script and style sheet and the WOFF2 fonts (every browser that runs KaTeX reads WOFF2).
public struct MathAssets: Sendable {
    public static let defaultDirectory = "/usr/share/javascript/katex"

    /// The folder the files come from.
    public let directory: String
    /// Output path relative to `assets/` → absolute source path.
    public let files: [String: String]

    /// The KaTeX folder to use: `explicit`, else `DAYBOOK_KATEX`, else Debian's.
    public static func directory(explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["DAYBOOK_KATEX"] ?? defaultDirectory
    }

    /// Finds KaTeX in `directory`; nil when its script or style sheet is missing.
    public static func locate(in directory: String) -> MathAssets? {
        let fm = FileManager.default
        let script = directory + "/katex.min.js"
        let style = directory + "/katex.min.css"
        guard fm.isReadableFile(atPath: script), fm.isReadableFile(atPath: style) else { return nil }
        var files = ["katex/katex.min.js": script, "katex/katex.min.css": style]
        let fonts = directory + "/fonts"
        for name in (try? fm.contentsOfDirectory(atPath: fonts)) ?? [] where name.hasSuffix(".woff2") {
            files["katex/fonts/" + name] = fonts + "/" + name
        }
        return MathAssets(directory: directory, files: files)
    }
}
