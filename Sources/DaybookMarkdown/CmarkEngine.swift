import CCmarkGFM
import Synchronization

/// The one door to libcmark-gfm's parser: every parse happens under one process-wide lock.
///
/// The extensions' inline trigger characters live in a global table of the C library that each
/// parser edits when it is created and freed, so two parsers at work at once silently lose
/// strikethrough and autolinks (`ConcurrentRenderingTests` shows it).
enum CmarkEngine {
    /// Parse options: safe mode (the default) and only `~~` strikes through, since abstracts write `~30%`.
    static let options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// The GFM extensions attached to every parser, found once in the C registry.
    struct Extensions {
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

    private static let lock = Mutex(Extensions())

    /// Parses `markdown` and hands the document to `body` (with the extension list to render with),
    /// all under the lock; the document is freed afterwards.
    static func withDocument<R: Sendable>(
        _ markdown: [UInt8], _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> R
    ) -> R {
        lock.withLock { extensions in
            guard let parser = cmark_parser_new(options) else { fatalError("cmark_parser_new failed: out of memory") }
            defer { cmark_parser_free(parser) }
            for found in extensions.all { cmark_parser_attach_syntax_extension(parser, found) }
            markdown.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
            }
            guard let document = cmark_parser_finish(parser) else { fatalError("cmark_parser_finish failed") }
            defer { cmark_node_free(document) }
            return body(document, cmark_parser_get_syntax_extensions(parser))
        }
    }
}
