import DaybookContent

/// Why a fetch failed, as one line naming the URL and the cause:
/// `https://huggingface.co/api/daily_papers?date=2026-12-01&limit=100&p=0: HTTP 503 Service Unavailable (after 5 tries)`.
public struct FetchError: Error, Sendable, Hashable, CustomStringConvertible {
    public var url: String
    public var cause: String

    public init(url: String, cause: String) {
        self.url = url
        self.cause = cause
    }

    /// A response the importer could not read: its first problem (the URL is said once), and how many more.
    public init(url: String, unreadable error: ContentError) {
        self.url = url
        guard let first = error.diagnostics.first else {
            cause = "unreadable response"
            return
        }
        var text = first.message
        if first.line > 0 { text = "line \(first.line), column \(first.column): " + text }
        let more = error.diagnostics.count - 1
        cause = "unreadable response: " + text + (more > 0 ? " (and \(more) more \(more == 1 ? "problem" : "problems"))" : "")
    }

    public var description: String { "\(url): \(cause)" }
}
