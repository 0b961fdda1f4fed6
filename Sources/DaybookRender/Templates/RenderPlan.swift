/// One theme template compiled for rendering (`RenderPlanCompiler`): swift-mustache's parsed
/// tokens turned into ops with names pre-split, partials resolved to slots and standalone-line
/// whitespace already applied by the parser. A section's body is a template of its own, as in
/// swift-mustache, because a partial's indentation is applied per template.
final class RenderPlan: Sendable {
    let ops: [RenderOp]

    init(ops: [RenderOp]) {
        self.ops = ops
    }
}

/// One step of a `RenderPlan`, matching one swift-mustache token.
enum RenderOp: Sendable {
    /// Literal bytes.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(RenderName, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(RenderName, body: RenderPlan, inverted: Bool)
    /// `{{>name}}` or `{{<name}}…{{/name}}`: `slot` is the partial's index in `RenderPlans`, nil when
    /// the theme has no such template (which renders nothing, as in swift-mustache).
    case partial(slot: Int?, indentation: String?, overrides: [String: RenderPlan]?)
    /// `{{>*name}}`: the partial named by the value of `name`.
    case dynamicPartial(RenderName, indentation: String?, overrides: [String: RenderPlan]?)
    /// `{{$name}}…{{/name}}` where it is rendered: an inherited override, or `fallback`.
    case block(name: String, fallback: RenderPlan, indentation: String?)
    /// `{{% CONTENT_TYPE: … }}`: how the rest of this template escapes.
    case contentType(RenderEscaper)
}
