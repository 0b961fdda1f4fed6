/// Maps an HTTP request target to a file of the served site, refusing anything that could leave
/// it: `.` and `..` segments (plain or percent-encoded), NUL bytes, malformed escapes and
/// targets that are not paths are bad requests; paths outside `base_url`'s path are not found.
struct RequestPath {
    enum Resolution: Equatable {
        /// Serve this site file (a key of `RenderedSite.files`).
        case file(String)
        /// Moved permanently to this path (a folder requested without its slash).
        case redirect(String)
        case badRequest
        case notFound
    }

    /// `base_url`'s path: `/` or `/papers/`.
    let basePath: String

    /// Resolves `target` (`/days/2026-11-20/?x=1`); `exists` says whether the site has a file.
    func resolve(_ target: String, exists: (String) -> Bool) -> Resolution {
        var raw = Substring(target)
        if let mark = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<mark] }
        guard raw.hasPrefix("/"), let decoded = RequestPath.percentDecoded(raw) else { return .badRequest }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard !segments.contains(where: { $0 == "." || $0 == ".." }) else { return .badRequest }
        if decoded + "/" == basePath { return .redirect(basePath) }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        // Files are named as their URLs are written, so a tag page with an encoded name
        // (`tags/%C3%A9t%C3%A9/`) is found under its raw name too.
        let candidates = [String(decoded.dropFirst(basePath.utf8.count)), String(raw.dropFirst(basePath.utf8.count))]
        for relative in candidates where !relative.hasPrefix("/") && !relative.contains("//") {
            if relative.isEmpty || relative.hasSuffix("/") {
                if exists(relative + "index.html") { return .file(relative + "index.html") }
            } else if exists(relative) {
                return .file(relative)
            } else if exists(relative + "/index.html") {
                return .redirect(String(raw) + "/")
            }
        }
        return .notFound
    }

    /// The path with `%XX` escapes decoded, or nil when an escape is malformed, a byte is NUL or
    /// the result is not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
