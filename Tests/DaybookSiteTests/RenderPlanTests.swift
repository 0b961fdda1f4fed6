import DaybookContent
import Mustache
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// A compiled render plan gives swift-mustache's bytes: for every shipped template with the
/// contexts pages use, and for templates that exercise the corners of Mustache's rules.
@Suite struct RenderPlanTests {
    @Test(arguments: ["en", "zh"])
    func everyShippedTemplateRendersTheSameBytes(language: String) throws {
        let renderer = try TemplateNamesTests.renderer(language: language)
        let theme = renderer.templates.theme
        #expect(theme.plans.compiledNames == theme.templateNames.sorted())
        var pages = 0
        for (template, context) in TemplateNamesTests.pages(renderer) {
            let expected = try #require(theme.templates.render(context, withTemplate: template))
            let planned = try #require(theme.plans.render(template, context), "\(template) has no plan")
            #expect(Array(planned.utf8) == Array(expected.utf8), "\(template)")
            #expect(planned.utf8.count > 1_000, "\(template)")
            pages += 1
        }
        #expect(pages == 11)  // two of them tag pages: the head and a numbered page
        for view in renderer.views {
            let card = PaperCard.Context(site: renderer.site, paper: LocalizedPaper(view, strings: renderer.strings))
            let expected = try #require(theme.templates.render(card, withTemplate: "paper-card"))
            #expect(theme.plans.render("paper-card", card).map { Array($0.utf8) } == Array(expected.utf8))
        }
    }

    @Test func escapingAndValues() {
        let context: [String: Any] = [
            "text": #"Fish & "chips" <b>'s</b>"#, "accent": "&\u{301}<\u{301}", "int": 42, "zero": 0,
            "double": 2.5, "yes": true, "no": false, "none": String?.none as Any, "some": String?.some("s") as Any,
            "empty": "", "list": [Int](), "phrase": Phrase("a {x} & b"), "nested": ["inner": ["deep": "<deep>"]],
        ]
        RenderPlanComparison.expectSame([
            "values": "{{text}}|{{{text}}}|{{&text}}|{{accent}}|{{int}}|{{zero}}|{{double}}|{{yes}}|{{no}}|{{none}}|{{some}}|{{empty}}|{{list}}|{{phrase}}|{{{phrase}}}|{{phrase.before}}|{{missing}}|{{nested.inner.deep}}|{{nested.inner}}",
            "sections": "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#zero}}z{{.}}{{/zero}}{{#none}}n{{/none}}{{^none}}!n{{/none}}{{#empty}}e{{/empty}}{{#list}}l{{/list}}{{^list}}!l{{.}}{{/list}}{{#missing}}m{{/missing}}{{^missing}}!m{{/missing}}{{#text}}[{{.}}|{{int}}]{{/text}}{{#nested}}{{#inner}}{{deep}}{{/inner}}{{/nested}}",
        ], context: context)
    }

    @Test func listsAndPositions() {
        let context: [String: Any] = [
            "items": [["name": "a", "n": 1], ["name": "b"], ["name": "c", "n": 3]], "n": 0,
            "words": ["x", "y", "z"], "grid": [[1, 2], [], [3]], "set": Set([7]),
        ]
        RenderPlanComparison.expectSame([
            "list": "{{#items}}{{name}}{{n}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{index()}}{{#even()}}e{{/even()}}{{/items}}",
            "words": "{{#words}}<{{.}}:{{uppercased(.)}}>{{/words}}{{#reversed(words)}}{{.}}{{/reversed(words)}}{{count(words)}}{{#empty(words)}}E{{/empty(words)}}{{^empty(words)}}!E{{/empty(words)}}",
            "grid": "{{#grid}}[{{#.}}{{.}},{{/.}}{{^.}}empty{{/.}}]{{/grid}}{{#set}}{{.}}{{/set}}{{first(words)}}{{last(words)}}",
            "scoping": "{{#items}}{{#n}}{{.n}}{{/n}}{{^n}}{{n}}{{/n}}{{.name}}{{/items}}",
        ], context: context)
    }

    @Test func standaloneLinesAndWhitespace() {
        let context: [String: Any] = ["a": true, "b": false, "list": [1, 2], "s": "v"]
        RenderPlanComparison.expectSame([
            "standalone": "begin\n  {{#a}}\n  in\n  {{/a}}\n{{^b}}\t\nnot b\n{{/b}}  \n {{! comment }}\nend {{#a}} inline {{/a}} \n{{#list}}\n- {{.}}\n{{/list}}\n",
            "crlf": "x\r\n  {{#a}}\r\n  y\r\n  {{/a}}\r\n{{s}}\r\n",
            "delimiters": "{{=<% %>=}}\n<% s %> {{s}}\n<%={{ }}=%>\n{{s}}\n",
            "nested": "{{#a}}\n{{#list}}\n  {{#a}}\n  {{.}}{{s}}\n  {{/a}}\n{{/list}}\n{{/a}}\n",
        ], context: context)
    }

    @Test func partialsIndentationAndInheritance() {
        let context: [String: Any] = ["items": ["one", "two"], "name": "<n>", "which": "leaf", "flag": true]
        RenderPlanComparison.expectSame([
            "page": "top\n  {{>list}}\n\t{{>leaf}}\nx {{>leaf}} y\n{{>missing}}\n{{>*which}}|{{>*name}}\n",
            "list": "<ul>\n{{#items}}\n  <li>{{.}}</li>\n  {{>leaf}}\n{{/items}}\n</ul>\n",
            "leaf": "leaf {{name}}\nsecond\n",
            "crlfpartial": "a\r\n  {{>leaf}}\r\n",
            "child": "{{<base}}\n{{$title}}T {{name}}{{/title}}\n{{$body}}\n  body line\n  {{>leaf}}\n{{/body}}\n{{/base}}\n",
            "grandchild": "{{<child}}{{$title}}G{{/title}}{{/child}}",
            "base": "<h1>{{$title}}default{{/title}}</h1>\n  {{$body}}\n  none\n  {{/body}}\n{{$foot}}F{{/foot}}\n",
            "indentedBase": "  {{<base}}{{$foot}}\n  f1\n  f2\n{{/foot}}{{/base}}\n",
        ], context: context)
    }

    @Test func contentTypesAndObjects() {
        struct Plain { let title: String; let count: Int; let child: Inner?; let missing: Inner? }
        struct Inner { let label: String }
        let context: [String: Any] = [
            "plain": Plain(title: "t&t", count: 2, child: Inner(label: "in<"), missing: nil), "html": "<i>",
        ]
        RenderPlanComparison.expectSame([
            "objects": "{{plain.title}} {{plain.count}} {{plain.child.label}} {{#plain.missing}}m{{/plain.missing}}{{^plain.missing}}!m{{/plain.missing}}{{#plain}}{{title}}{{#child}}{{label}}{{title}}{{/child}}{{/plain}}",
            "text": "{{html}}{{% CONTENT_TYPE: TEXT}}{{html}}{{>html}}",
            "html": "{{html}}{{% CONTENT_TYPE: HTML}}{{html}}\n",
        ], context: context, pragma: false)
    }

    /// A plan's ops hold what they point to unowned: the plan must keep it alive on its own, after
    /// the parsed templates it was compiled from are gone and their memory is reused.
    @Test func aPlanOwnsWhatItsOpsPointTo() throws {
        func compiled() throws -> RenderPlans {
            FastHTMLContentType.registered
            let text = String(repeating: "x", count: 1_000)
            return RenderPlanCompiler.compile(["t": try MustacheTemplate(string: "{{#a}}<{{b.c}}>{{/a}}\(text){{>t2}}"),
                                               "t2": try MustacheTemplate(string: "{{$k}}k{{/k}}")])
        }
        let plans = try compiled()
        let reused = (0..<2_000).map { String(repeating: "y", count: $0 % 64 + 16) }
        #expect(plans.render("t", ["a": true, "b": ["c": "C"]]) == "<C>" + String(repeating: "x", count: 1_000) + "k")
        #expect(reused.count == 2_000)
    }

    @Test func aLambdaFallsBackToSwiftMustache() throws {
        FastHTMLContentType.registered
        let template = try MustacheTemplate(string: "{{#wrap}}x{{/wrap}}{{name}}")
        let plans = RenderPlanCompiler.compile(["t": template])
        let context: [String: Any] = ["wrap": MustacheLambda { "<\($0)>" }, "name": "n"]
        #expect(plans.compiledNames == ["t"])
        #expect(plans.render("t", context) == nil)
        let library = MustacheLibrary(templates: ["t": template])
        #expect(library.render(context, withTemplate: "t") == "<x>n")
    }
}
