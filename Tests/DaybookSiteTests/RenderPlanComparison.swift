import Mustache
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// Renders templates through swift-mustache and through their compiled plans and expects the
/// same bytes.
enum RenderPlanComparison {
    /// `templates` by name, each with Daybook's pragma in front unless `pragma` is false; every
    /// template must get a plan. A dictionary context is rendered twice: as it is (read through
    /// `Any`) and as a `TypedDictionary` (read typed).
    static func expectSame(_ templates: [String: String], context: Any, pragma: Bool = true,
                           sourceLocation: SourceLocation = #_sourceLocation) {
        FastHTMLContentType.registered
        var parsed: [String: MustacheTemplate] = [:]
        for (name, text) in templates {
            do {
                parsed[name] = try MustacheTemplate(string: (pragma ? FastHTMLContentType.pragma : "") + text)
            } catch {
                Issue.record("\(name) does not parse: \(error)", sourceLocation: sourceLocation)
            }
        }
        let library = MustacheLibrary(templates: parsed)
        let plans = RenderPlanCompiler.compile(parsed)
        var contexts = [context]
        if let dictionary = context as? [String: Any] { contexts.append(TypedDictionary(values: dictionary)) }
        for context in contexts {
            for name in parsed.keys.sorted() {
                let expected = library.render(context, withTemplate: name) ?? ""
                guard let planned = plans.render(name, context) else {
                    Issue.record("\(name): no plan", sourceLocation: sourceLocation)
                    continue
                }
                #expect(Array(planned.utf8) == Array(expected.utf8), "\(name) (\(type(of: context))):\n\(planned)\n---\n\(expected)",
                        sourceLocation: sourceLocation)
            }
        }
    }
}
