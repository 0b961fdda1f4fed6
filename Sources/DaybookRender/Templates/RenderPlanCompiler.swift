import Mustache

/// Compiles a theme's swift-mustache templates into `RenderPlans`, once, when the theme loads.
///
/// swift-mustache stays the parser (and so the judge of syntax, error positions and standalone
/// lines): the compiler reads the tokens it parsed. They are internal to swift-mustache, so they
/// are read through `Mirror`, in the layout of swift-mustache 2.1.1's `MustacheTemplate.Token`. A
/// token or layout the compiler does not know leaves that template without a plan, and it renders
/// through swift-mustache as before; so does a template whose plan meets a value it cannot render
/// (a lambda, a template).
package enum RenderPlanCompiler {
    static func compile(_ templates: [String: MustacheTemplate]) -> RenderPlans {
        let names = templates.keys.sorted()
        let slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        guard let html = htmlEscaper() else {
            return RenderPlans(slots: slots, plans: names.map { _ in nil }, html: .fastHTML)
        }
        return RenderPlans(slots: slots, plans: names.map { plan(templates[$0]!, slots: slots) }, html: html)
    }

    /// swift-mustache's default escaping (its `HTML` content type, which a render starts with and
    /// every partial returns to), taken from a parsed pragma since the type itself is internal.
    static func htmlEscaper() -> RenderEscaper? {
        guard let template = try? MustacheTemplate(string: "{{% CONTENT_TYPE: HTML}}"),
              let token = tokens(of: template)?.first,
              case let (label, fields)? = decode(token), label == "contentType",
              let contentType = fields.first as? any MustacheContentType else { return nil }
        return .other(contentType)
    }

    static func plan(_ template: MustacheTemplate, slots: [String: Int]) -> RenderPlan? {
        guard let tokens = tokens(of: template) else { return nil }
        var plan = RenderPlan.Builder()
        for token in tokens {
            guard add(token, to: &plan, slots: slots) else { return nil }
        }
        return RenderPlan(plan)
    }

    /// Adds `token`'s op to `plan`; false when the compiler does not know the token.
    private static func add(_ token: Any, to plan: inout RenderPlan.Builder, slots: [String: Int]) -> Bool {
        guard case let (label, fields)? = decode(token) else { return false }
        switch label {
        case "text":
            guard fields.count == 1, let text = fields[0] as? String else { return false }
            plan.text(text)
        case "variable", "unescapedVariable":
            guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String] else { return false }
            plan.variable(RenderName(name: name, transforms: transforms), escaped: label == "variable")
        case "section", "invertedSection":
            guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String],
                  let template = fields[2] as? MustacheTemplate, let body = self.plan(template, slots: slots) else { return false }
            plan.section(RenderName(name: name, transforms: transforms), body: body, inverted: label == "invertedSection")
        case "partial", "dynamicNamePartial":
            guard fields.count == 3, let name = fields[0] as? String, let indentation = optional(fields[1]),
                  let inherits = optional(fields[2]) else { return false }
            guard let indent = string(indentation), let overrides = overrides(inherits, slots: slots) else { return false }
            if label == "partial" {
                plan.partial(slot: slots[name], indentation: indent, overrides: overrides)
            } else {
                plan.partial(slot: nil, named: RenderName(name: name, transforms: []), indentation: indent, overrides: overrides)
            }
        case "blockExpansion":
            guard fields.count == 3, let name = fields[0] as? String, let template = fields[1] as? MustacheTemplate,
                  let fallback = self.plan(template, slots: slots), let indentation = optional(fields[2]),
                  let indent = string(indentation) else { return false }
            plan.block(name: name, fallback: fallback, indentation: indent)
        case "contentType":
            guard fields.count == 1, let contentType = fields[0] as? any MustacheContentType else { return false }
            plan.contentType(RenderEscaper(contentType))
        default:
            // `blockDefinition` only stands inside `{{<partial}}`, where it became `inherits`.
            return false
        }
        return true
    }

    /// The tokens of a parsed template.
    private static func tokens(of template: MustacheTemplate) -> [Any]? {
        guard let value = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else {
            return nil
        }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .collection else { return nil }
        return mirror.children.map(\.value)
    }

    /// A token's case name and associated values.
    private static func decode(_ token: Any) -> (String, [Any])? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let label = payload.label else {
            return nil
        }
        let fields = Mirror(reflecting: payload.value)
        return (label, fields.displayStyle == .tuple ? fields.children.map(\.value) : [payload.value])
    }

    /// An `Optional` field: `.some(nil)` when it is nil, nil when the field is not an optional.
    private static func optional(_ value: Any) -> Any?? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return nil }
        return .some(mirror.children.first?.value)
    }

    /// An optional string field: `.some(nil)` for nil, nil when it is not a string.
    private static func string(_ value: Any?) -> String?? {
        guard let value else { return .some(nil) }
        guard let string = value as? String else { return nil }
        return .some(string)
    }

    /// The blocks a `{{<partial}}` overrides, each compiled.
    private static func overrides(_ value: Any?, slots: [String: Int]) -> [String: RenderPlan]?? {
        guard let value else { return .some(nil) }
        guard let templates = value as? [String: MustacheTemplate] else { return nil }
        var plans: [String: RenderPlan] = [:]
        for (name, template) in templates {
            guard let plan = plan(template, slots: slots) else { return nil }
            plans[name] = plan
        }
        return .some(plans)
    }
}
