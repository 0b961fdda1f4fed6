import DaybookSystem
import Foundation

/// KaTeX's files, served from the site itself under `assets/katex/` when some page has math.
///
/// They come from Debian's `libjs-katex` (`/usr/share/javascript/katex`), or from the folder in
/// `DAYBOOK_KATEX`, or `BuildOptions.katexDirectory`. Only what browsers need is shipped: the
/// script, the WOFF2 fonts (every browser that runs KaTeX reads WOFF2) and the style sheet with
/// its `@font-face` rules cut down to the fonts shipped, so it names no file the site lacks.
public struct MathAssets: Sendable {
    public static let defaultDirectory = "/usr/share/javascript/katex"

    /// The folder the files come from.
    public let directory: String
    /// Files copied as they are: output path relative to `assets/` → absolute source path.
    public let files: [String: String]
    /// `katex/katex.min.css`, rewritten to name only shipped fonts.
    public let styleSheet: [UInt8]

    public static let styleSheetPath = "katex/katex.min.css"

    /// The KaTeX folder to use: `explicit`, else `DAYBOOK_KATEX`, else Debian's.
    public static func directory(explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["DAYBOOK_KATEX"] ?? defaultDirectory
    }

    /// Finds KaTeX in `directory`; nil when its script or style sheet is missing.
    public static func locate(in directory: String) -> MathAssets? {
        let fm = FileManager.default
        let script = directory + "/katex.min.js"
        guard fm.isReadableFile(atPath: script), let style = FileIO.read(directory + "/katex.min.css") else { return nil }
        var files = ["katex/katex.min.js": script]
        var fonts = Set<String>()
        for name in FileIO.list(directory + "/fonts") where name.hasSuffix(".woff2") {
            files["katex/fonts/" + name] = directory + "/fonts/" + name
            fonts.insert("fonts/" + name)
        }
        let css = onlyShippedFonts(String(decoding: style, as: UTF8.self), shipped: fonts)
        return MathAssets(directory: directory, files: files, styleSheet: Array(css.utf8))
    }

    /// `css` with every `src:` list entry whose `url(…)` names a file outside `shipped` left out
    /// (an entry without a URL, such as `local(…)`, stays). A list left empty keeps its first entry.
    static func onlyShippedFonts(_ css: String, shipped: Set<String>) -> String {
        var out = ""
        out.reserveCapacity(css.utf8.count)
        var rest = css[...]
        while let start = rest.range(of: "src:") {
            out += rest[..<start.upperBound]
            rest = rest[start.upperBound...]
            let end = rest.firstIndex { $0 == ";" || $0 == "}" } ?? rest.endIndex
            let entries = rest[..<end].split(separator: ",", omittingEmptySubsequences: false)
            let kept = entries.filter { entry in
                guard let open = entry.range(of: "url("), let close = entry[open.upperBound...].firstIndex(of: ")") else { return true }
                let url = entry[open.upperBound..<close].trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
                return shipped.contains(url)
            }
            out += (kept.isEmpty ? Array(entries.prefix(1)) : kept).joined(separator: ",")
            rest = rest[end...]
        }
        out += rest
        return out
    }
}
