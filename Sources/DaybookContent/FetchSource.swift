/// One entry of `daybook.yml`'s `sources:`: a service `daybook fetch` brings papers from.
///
/// ```yaml
/// sources:
///   - huggingface: daily            # Hugging Face's daily papers
///   - arxiv: [cs.CL, cs.LG]         # arXiv's daily announcement for these categories
///     api: http://127.0.0.1:8080    # optional: another scheme, host and port; the paths stay
/// ```
public struct FetchSource: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// `GET /api/daily_papers?date=D`.
        case huggingFace
        /// `GET /rss/<cat>+<cat>` for the day's announcement, `GET /api/query` for backfills.
        case arxiv(categories: [String])
    }

    public var kind: Kind
    /// Replaces the service's scheme, host and port (`http://127.0.0.1:8080`); nil: the service itself.
    public var api: String?

    public init(kind: Kind, api: String? = nil) {
        self.kind = kind
        self.api = api
    }

    /// The key the entry is written with, and the name `--source` takes: `huggingface` or `arxiv`.
    public var name: String {
        switch kind {
        case .huggingFace: "huggingface"
        case .arxiv: "arxiv"
        }
    }

    public static let names = ["huggingface", "arxiv"]

    /// Whether `text` looks like an arXiv category: `cs.CL`, `hep-ex`, `astro-ph.CO`, `math.AG`.
    public static func isArxivCategory(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let archive = parts.first, !archive.isEmpty,
              archive.allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }) else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") }
    }

    /// Why `text` cannot replace a service's address, or nil when it can: it must be
    /// `http(s)://host[:port]`, with no path beyond `/`, no query and no fragment.
    public static func apiProblem(_ text: String) -> String? {
        let rest: Substring
        if text.hasPrefix("https://") { rest = text.dropFirst(8) }
        else if text.hasPrefix("http://") { rest = text.dropFirst(7) }
        else { return "must start with http:// or https://" }
        let authority = rest.hasSuffix("/") ? rest.dropLast() : rest
        if authority.isEmpty { return "needs a host" }
        if authority.contains(where: { "/?#".contains($0) }) {
            return "must be only a scheme, host and port (the service's paths are kept)"
        }
        if SourceText.containsSpaceOrControl(text) { return "must not contain spaces" }
        return nil
    }
}
