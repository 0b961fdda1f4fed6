import CCmarkGFM
import Synchronization

/// The one door to libcmark-gfm's parser. Only the step that edits the C library's global state
/// runs under a process-wide lock: the rest of a parse, the caller's work on the document and
/// rendering run on any number of threads at once.
///
/// The extensions' inline trigger characters live in a global table that `cmark_parser_finish`
/// fills before it parses inlines and clears after, so two documents finishing at once silently
/// lose strikethrough and autolinks (`ConcurrentRenderingTests` shows it): finishing is serialized.
enum CmarkEngine {
    /// Parse options: safe mode (the default) and only `~~` strikes through, since abstracts write `~30%`.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// The GFM extensions attached to every parser, found once in the C registry.
    struct Extensions: @unchecked Sendable {
        let all: [OpaquePointer]

        init() {
            cmark_gfm_core_extensions_ensure_registered()
            all = ["table", "strikethrough", "autolink", "tagfilter"].map { name in
                guard let found = cmark_find_syntax_extension(name) else {
                    fatalError("libcmark-gfm has no '\(name)' extension")
                }
                return found
            }
        }
    }

    private static let extensions = Extensions()
    private static let finishing = Mutex(())

    /// A document handed out of the lock to the thread that parsed it (and no other).
    private struct Document: @unchecked Sendable {
        let node: OpaquePointer?
    }

    /// Parses `markdown` and hands the document to `body` (with the extension list to render
    /// with); the document is freed afterwards.
    static func withDocument<R: Sendable>(
        _ markdown: [UInt8], _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> R
    ) -> R {
        guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
        defer { cmark_parser_free(parser) }
        for found in extensions.all { cmark_parser_attach_syntax_extension(parser, found) }
        markdown.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let finished = finishing.withLock { _ in Document(node: cmark_parser_finish(parser)) }
        guard let document = finished.node else { fatalError("cmark_parser_finish failed") }
        defer { cmark_node_free(document) }
        return body(document, cmark_parser_get_syntax_extensions(parser))
    }
}
