import CCmarkGFM

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small conveniences over cmark's C node API, on UTF-8 bytes.
enum CmarkNode {
    /// The bytes of a NUL-terminated C string (empty for NULL), valid while the node is unchanged.
    static func bytes(_ pointer: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let pointer else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeRawPointer(pointer).withMemoryRebound(to: UInt8.self, capacity: strlen(pointer) + 1) { start in
            UnsafeBufferPointer(start: start, count: strlen(pointer))
        }
    }

    /// Calls `body` with `bytes` as a NUL-terminated C string.
    static func withCString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        var terminated = bytes
        terminated.append(0)
        return terminated.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    static func setLiteral(_ node: OpaquePointer, _ bytes: [UInt8]) {
        withCString(bytes) { _ = cmark_node_set_literal(node, $0) }
    }

    /// A new text node holding `bytes`.
    static func text(_ bytes: [UInt8]) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_TEXT)!
        setLiteral(node, bytes)
        return node
    }

    /// Puts `replacement` where `node` is and frees `node` with what it still holds.
    static func replace(_ node: OpaquePointer, with replacement: OpaquePointer) {
        cmark_node_insert_before(node, replacement)
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    /// Moves `node`'s children to where it is, then frees it.
    static func unwrap(_ node: OpaquePointer) {
        while let child = cmark_node_first_child(node) {
            cmark_node_unlink(child)
            cmark_node_insert_before(node, child)
        }
        cmark_node_unlink(node)
        cmark_node_free(node)
    }
}
