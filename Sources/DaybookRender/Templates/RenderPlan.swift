/// One theme template compiled for rendering (`RenderPlanCompiler`): swift-mustache's parsed
/// tokens turned into ops with names pre-split, partials resolved to slots and standalone-line
/// whitespace already applied by the parser. A section's body is a template of its own, as in
/// swift-mustache, because a partial's indentation is applied per template.
///
/// The plan owns what its ops point to (`parts`), and the ops hold it unowned: every thread
/// renders the same plans, and copying ops that counted references made each page's run contend
/// with the other threads' on the same counts.
final class RenderPlan: @unchecked Sendable {
    let ops: [RenderOp]
    /// Kept alive for `ops`.
    private let parts: [AnyObject]

    init(_ builder: Builder) {
        ops = builder.ops
        parts = builder.parts
    }

    /// A plan's ops in order, with what they point to.
    struct Builder {
        private(set) var ops: [RenderOp] = []
        private(set) var parts: [AnyObject] = []

        mutating func text(_ text: String) {
            let bytes = RenderText(text)
            parts.append(bytes)
            ops.append(.text(UnsafeBufferPointer(bytes.bytes)))
        }

        mutating func variable(_ name: RenderName, escaped: Bool) {
            ops.append(.variable(keep(name), escaped: escaped))
        }

        mutating func section(_ name: RenderName, body: RenderPlan, inverted: Bool) {
            ops.append(.section(keep(name), body: keep(body), inverted: inverted))
        }

        mutating func partial(slot: Int?, named name: RenderName? = nil, indentation: String?, overrides: [String: RenderPlan]?) {
            ops.append(.partial(keep(RenderOp.Partial(slot: slot, name: name, indentation: indentation, overrides: overrides))))
        }

        mutating func block(name: String, fallback: RenderPlan, indentation: String?) {
            ops.append(.block(keep(RenderOp.Block(name: name, fallback: fallback, indentation: indentation))))
        }

        mutating func contentType(_ escaper: RenderEscaper) {
            ops.append(.contentType(keep(RenderOp.ContentType(escaper))))
        }

        private mutating func keep<Object: AnyObject>(_ object: Object) -> Unmanaged<Object> {
            parts.append(object)
            return .passUnretained(object)
        }
    }
}

/// One step of a `RenderPlan`, matching one swift-mustache token. Its references are unowned
/// (the plan owns what they point to), so copying a step counts nothing.
enum RenderOp {
    /// Literal bytes.
    case text(UnsafeBufferPointer<UInt8>)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(Unmanaged<RenderName>, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(Unmanaged<RenderName>, body: Unmanaged<RenderPlan>, inverted: Bool)
    /// `{{>name}}`, `{{<name}}…{{/name}}` or `{{>*name}}`.
    case partial(Unmanaged<Partial>)
    /// `{{$name}}…{{/name}}` where it is rendered: an inherited override, or `fallback`.
    case block(Unmanaged<Block>)
    /// `{{% CONTENT_TYPE: … }}`: how the rest of this template escapes.
    case contentType(Unmanaged<ContentType>)

    final class Partial: Sendable {
        /// The partial's index in `RenderPlans`; nil when the theme has no such template (which
        /// renders nothing, as in swift-mustache), or when `name` names it.
        let slot: Int?
        /// `{{>*name}}`: the value of `name` names the partial.
        let name: RenderName?
        let indentation: String?
        let overrides: [String: RenderPlan]?

        init(slot: Int?, name: RenderName?, indentation: String?, overrides: [String: RenderPlan]?) {
            self.slot = slot
            self.name = name
            self.indentation = indentation
            self.overrides = overrides
        }
    }

    final class Block: Sendable {
        let name: String
        let fallback: RenderPlan
        let indentation: String?

        init(name: String, fallback: RenderPlan, indentation: String?) {
            self.name = name
            self.fallback = fallback
            self.indentation = indentation
        }
    }

    final class ContentType: Sendable {
        let escaper: RenderEscaper

        init(_ escaper: RenderEscaper) {
            self.escaper = escaper
        }
    }
}

/// A template's literal text in memory that neither moves nor is counted, for `RenderOp.text`.
final class RenderText {
    let bytes: UnsafeMutableBufferPointer<UInt8>

    init(_ text: String) {
        bytes = .allocate(capacity: text.utf8.count)
        _ = bytes.initialize(from: text.utf8)
    }

    deinit {
        bytes.deallocate()
    }
}
