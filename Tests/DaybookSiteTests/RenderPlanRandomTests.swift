import DaybookTestSupport
import Mustache
import Testing
@testable import DaybookRender
@testable import DaybookSite

/// Seeded random templates (text with spaces, tabs, CRLF and characters to escape; variables,
/// sections, inverted sections, comments and partials, often alone on their lines and indented)
/// render to the same bytes through their plans as through swift-mustache.
@Suite struct RenderPlanRandomTests {
    static var context: [String: Any] {
        [
            "a": true, "b": false, "s": "x & <y>", "n": 0, "none": Int?.none as Any,
            "list": [["a": "1", "s": "'q'"], ["b": true], ["list": [Int]()]], "words": ["p", "q\r\n"],
            "obj": ["a": "oa", "b": ["c": 1], "s": "\"os\""], "empty": [String](),
        ]
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomTemplatesRenderTheSameBytes(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var compared = 0
        for _ in 0..<120 {
            let templates = [
                "main": Self.template(&random, depth: 3, partials: ["p", "q", "r"]),
                "p": Self.template(&random, depth: 2, partials: ["q", "r"]),
                "q": Self.template(&random, depth: 2, partials: []),
                "child": "{{<p}}" + Self.blocks(&random) + "{{/p}}\n",
            ]
            guard templates.values.allSatisfy({ (try? MustacheTemplate(string: $0)) != nil }) else { continue }
            RenderPlanComparison.expectSame(templates, context: Self.context, pragma: random.chance(80))
            compared += 1
        }
        // Most random templates parse; a generator whose output never parses tests nothing.
        #expect(compared > 40, "\(compared)")
    }

    static let names = ["a", "b", "s", "n", "none", "list", "words", "obj", "obj.b", "obj.b.c", ".", "missing", "empty"]
    static let texts = ["x", "two words", " ", "  ", "\t", "\n", "\n", "\r\n", "&<>\"'", "é", "}", "{"]

    /// `expansions`: whether `{{$a}}` may stand in it (not in an override of `a`, which would
    /// expand itself without end).
    static func template(_ random: inout SeededGenerator, depth: Int, partials: [String], expansions: Bool = true) -> String {
        var out = ""
        for _ in 0..<random.int(1..<7) {
            switch random.int(0..<10) {
            case 0, 1, 2: out += random.pick(texts)
            case 3: out += "{{" + random.pick(names) + "}}"
            case 4:
                let name = random.pick(names)
                out += random.chance(50) ? "{{{" + name + "}}}" : "{{&" + name + "}}"
            case 5 where depth > 0, 6 where depth > 0:
                let name = random.pick(names.filter { $0 != "." })
                let sigil = random.pick(["#", "^"])
                let alone = random.chance(50)
                let indent = random.pick(["", " ", "  ", "\t"])
                let open = "{{" + sigil + name + "}}", close = "{{/" + name + "}}"
                let body = template(&random, depth: depth - 1, partials: partials, expansions: expansions)
                out += alone ? "\n" + indent + open + "\n" + body + "\n" + indent + close + "\n" : open + body + close
            case 7: out += random.pick(["{{! note }}", "\n  {{! note }}\n", "{{!\nmulti\n}}"])
            case 8 where !partials.isEmpty:
                let name = random.pick(partials + ["missing"])
                out += random.chance(50) ? "\n" + random.pick(["", "  ", "\t", " - "]) + "{{>" + name + "}}\n" : "{{>" + name + "}}"
            case 9 where depth > 0 && expansions:
                let name = random.pick(["a", "s"])
                let body = template(&random, depth: depth - 1, partials: [])
                out += random.chance(50) ? "{{$\(name)}}\(body){{/\(name)}}" : "\n  {{$\(name)}}\n\(body)\n  {{/\(name)}}\n"
            default: out += random.pick(texts) + random.pick(texts)
            }
        }
        return out
    }

    /// Overrides for `{{<p}}`, without partials or expansions: a partial whose `{{$a}}` renders an
    /// override that renders the partial (or `{{$a}}`) again never ends, in swift-mustache as in a plan.
    static func blocks(_ random: inout SeededGenerator) -> String {
        var out = ""
        for name in ["a", "s"] where random.chance(60) {
            out += random.pick(["", "\n", "\n  "]) + "{{$" + name + "}}" + template(&random, depth: 1, partials: [], expansions: false) + "{{/" + name + "}}"
        }
        return out
    }
}
