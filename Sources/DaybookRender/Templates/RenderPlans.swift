/// A theme's templates compiled into `RenderPlan`s (`RenderPlanCompiler`), by template name.
/// `render` gives nil where a template has no plan or meets a value its plan cannot render; the
/// caller then renders through swift-mustache, so output never depends on which path ran.
public struct RenderPlans: Sendable {
    /// Template name → index in `plans`.
    let slots: [String: Int]
    /// One per template; nil where the template uses something the compiler does not support.
    let plans: [RenderPlan?]
    /// The escaping a render starts with and every partial returns to (swift-mustache's `HTML`).
    let html: RenderEscaper

    /// No plans: everything renders through swift-mustache.
    static let none = RenderPlans(slots: [:], plans: [], html: .fastHTML)

    /// Names of the templates that have a plan.
    package var compiledNames: [String] {
        slots.filter { plans[$0.value] != nil }.map(\.key).sorted()
    }

    /// `template` rendered with `context` by its plan, or nil (see above). A `RenderObject`
    /// context is read typed; any other is read as swift-mustache reads it.
    package func render(_ template: String, _ context: Any, capacity: Int = 16_384) -> String? {
        renderBytes(template, RenderValue(any: context), capacity: capacity).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of `render`, with the context as a value (no copy into a `String`).
    func renderBytes(_ template: String, _ context: RenderValue, capacity: Int = 16_384) -> [UInt8]? {
        guard let slot = slots[template], let plan = plans[slot] else { return nil }
        var renderer = RenderPlanRenderer(plans: self, root: context, capacity: capacity)
        renderer.render(plan, RenderFrame(escaper: html))
        guard !renderer.failed else { return nil }
        // A site keeps every page until it is written: not the buffer's unused capacity.
        return renderer.out.count + renderer.out.count / 4 < renderer.out.capacity ? Array(renderer.out[...]) : renderer.out
    }
}
