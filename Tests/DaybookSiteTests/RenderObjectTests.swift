import DaybookContent
import Mustache
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// Daybook's typed contexts (`RenderObject`) answer a plan exactly what they answer
/// swift-mustache, for every name of every object the shipped pages read.
@Suite struct RenderObjectTests {
    /// The pages' and a card's contexts, and every object reached from them by every name (up to
    /// three of each type), the interface text by its own keys.
    static func objects(language: String = "en") throws -> [any RenderObject] {
        let renderer = try TemplateNamesTests.renderer(language: language)
        var queue: [any RenderObject] = TemplateNamesTests.pages(renderer).map(\.context)
        queue.append(PaperCard.Context(site: renderer.site, paper: LocalizedPaper(renderer.views[0], strings: renderer.strings)))
        var found: [any RenderObject] = []
        var perType: [String: Int] = [:]
        while !queue.isEmpty {
            let object = queue.removeFirst()
            let type = String(reflecting: Swift.type(of: object))
            guard perType[type, default: 0] < 3 else { continue }
            perType[type, default: 0] += 1
            found.append(object)
            var names = ContextKey.allCases.map { ContextName($0.rawValue) }
            if let text = object as? InterfaceText { names = text.namespace.children.keys.sorted().map(ContextName.init) }
            for name in names {
                switch object.value(name) {
                case .object(let inner): queue.append(inner)
                case .list(let list): queue += (0..<list.count).compactMap { if case .object(let inner) = list.element($0) { inner } else { nil } }
                default: break
                }
            }
        }
        return found
    }

    @Test func childNamedIsValueGivenAsAny() throws {
        for object in try Self.objects() {
            for key in ContextKey.allCases + [nil] {
                let name = key?.rawValue ?? "noSuchName"
                #expect(String(reflecting: object.child(named: name)) == String(reflecting: object.value(ContextName(name)).mustacheValue),
                        "\(type(of: object)).\(name)")
            }
        }
    }

    @Test(arguments: ["en", "zh"])
    func everyNameRendersAsSwiftMustacheRendersIt(language: String) throws {
        let names = ContextKey.allCases.map(\.rawValue) + ["noSuchName"]
        let source = names.map { "{{\($0)}}|{{{\($0)}}}|{{#\($0)}}+{{/\($0)}}|{{^\($0)}}-{{/\($0)}}|{{#empty(\($0))}}e{{/empty(\($0))}}\n" }.joined()
        FastHTMLContentType.registered
        let template = try MustacheTemplate(string: FastHTMLContentType.pragma + source)
        let plans = RenderPlanCompiler.compile(["names": template])
        let library = MustacheLibrary(templates: ["names": template])
        let objects = try Self.objects(language: language)
        #expect(objects.count > 30, "\(objects.count)")
        for object in objects {
            let expected = try #require(library.render(object, withTemplate: "names"))
            let planned = try #require(plans.render("names", object))
            #expect(planned == expected, "\(type(of: object))")
        }
    }

    @Test func everyKeyIsAnsweredBySomeObject() throws {
        var answered = Set<ContextKey>()
        for object in try Self.objects() {
            for key in ContextKey.allCases where !object.value(ContextName(key.rawValue)).isNone { answered.insert(key) }
        }
        #expect(Set(ContextKey.allCases).subtracting(answered).isEmpty, "\(Set(ContextKey.allCases).subtracting(answered))")
    }

    @Test func aNameNoContextHasRendersNothing() throws {
        let renderer = try TemplateNamesTests.renderer()
        let source = "{{nosuch}}|{{#nosuch}}x{{/nosuch}}|{{^nosuch}}y{{/nosuch}}|{{page.nosuch}}|{{i18n.nosuch}}|{{#papers}}{{nosuch}}{{/papers}}"
        let template = try MustacheTemplate(string: source)
        let plans = RenderPlanCompiler.compile(["t": template])
        let context = renderer.dayContext(Reader.day("2026-11-19"))
        #expect(plans.render("t", context) == "||y|||")
        #expect(MustacheLibrary(templates: ["t": template]).render(context, withTemplate: "t") == "||y|||")
    }

    /// A plan reads an object as a plain object (see `RenderObject`; a lambda or a template is a
    /// struct of its own, never a `RenderObject`).
    @Test func objectsAreReadAsPlainObjects() throws {
        for object in try Self.objects() {
            let type = "\(Swift.type(of: object))"
            #expect(!(object is any MustacheSequence) && !(object is MustacheCustomRepresentation), "\(type)")
            if let renderable = object as? MustacheCustomRenderable {
                #expect(!renderable.isNull && object.renderedText == renderable.renderText, "\(type)")
            } else {
                #expect(object.renderedText == nil, "\(type)")
            }
        }
    }

    /// The interface text's tree answers what its keys hold: each value's phrase by its dotted
    /// key, each namespace as text, nothing else.
    @Test(arguments: ["en", "zh"])
    func interfaceTextAnswersEveryKey(language: String) throws {
        let strings = try TemplateNamesTests.renderer(language: language).strings
        let text = InterfaceText(strings)
        func lookup(_ key: String) -> RenderValue {
            var value = RenderValue.object(text)
            for part in key.split(separator: ".") {
                guard case .object(let object) = value else { return .none }
                value = object.value(ContextName(String(part)))
            }
            return value
        }
        for key in strings.values.keys {
            guard case .object(let phrase as Phrase) = lookup(key) else { Issue.record("\(key)"); continue }
            #expect(phrase.text == strings.text(key), "\(key)")
        }
        for key in strings.namespaces {
            guard case .object(let namespace as InterfaceText) = lookup(key) else { Issue.record("\(key)"); continue }
            #expect(Set(namespace.namespace.children.keys) == Set(InterfaceText(strings, prefix: key).namespace.children.keys))
        }
        #expect(lookup("nav.no_such_key").isNone && lookup("no_such_namespace").isNone)
        #expect(text.namespace("period.week") != nil && text.namespace("period.no_such") == nil)
    }
}
