import Mustache

/// Runs a `RenderPlan` over a context into one byte buffer, with swift-mustache 2.1.1's semantics
/// (`MustacheTemplate.render(context:)`, `getChild`, `renderSection`): the same lookups through
/// the context stack, sections over lists, bools, nil and objects, inverted sections, partials with
/// their indentation, inheritance and transforms. Names are read as typed values (`RenderValue`);
/// a value that is not typed (`other`) is read through `Any` as swift-mustache reads it. What it
/// cannot render the same way (a lambda or a template as a value) sets `failed`, and the caller
/// renders through swift-mustache instead.
struct RenderPlanRenderer {
    let plans: RenderPlans
    private(set) var out: [UInt8] = []
    private(set) var failed = false
    private var stack: [RenderStackEntry] = []

    init(plans: RenderPlans, root: RenderValue, capacity: Int) {
        self.plans = plans
        out.reserveCapacity(capacity)
        stack.reserveCapacity(8)
        stack.append(.value(root))
    }

    mutating func render(_ plan: RenderPlan, _ frame: RenderFrame) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for op in plan.ops where !failed { render(op, &frame) }
            return
        }
        // swift-mustache indents a token's non-empty output when this template's output so far
        // ends with a "\n" Character ("\r\n" is one Character, and does not count).
        let start = out.count
        for op in plan.ops where !failed {
            let atLineStart = out.count > start && out[out.count - 1] == 0x0A
                && !(out.count - 1 > start && out[out.count - 2] == 0x0D)
            guard atLineStart else {
                render(op, &frame)
                continue
            }
            let mark = out.count
            out.append(contentsOf: indentation.utf8)
            let after = out.count
            render(op, &frame)
            if out.count == after { out.removeSubrange(mark...) }
        }
    }

    private mutating func render(_ op: RenderOp, _ frame: inout RenderFrame) {
        switch op {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let name, let escaped):
            let value = name._withUnsafeGuaranteedRef { resolve($0, frame) }
            variable(value, escaped: escaped, frame)
        case .section(let name, let body, let inverted):
            let value = name._withUnsafeGuaranteedRef { resolve($0, frame) }
            body._withUnsafeGuaranteedRef { body in
                if inverted { invertedSection(value, body, frame) } else { section(value, body, frame) }
            }
        case .partial(let partial):
            partial._withUnsafeGuaranteedRef { include($0, frame) }
        case .block(let block):
            block._withUnsafeGuaranteedRef { block in
                render(frame.inherited?[block.name] ?? block.fallback, frame.block(indented: block.indentation))
            }
        case .contentType(let contentType):
            frame.escaper = contentType._withUnsafeGuaranteedRef { $0.escaper }
        }
    }

    /// A partial rendered where it is included.
    private mutating func include(_ partial: RenderOp.Partial, _ frame: RenderFrame) {
        var slot = partial.slot
        if let name = partial.name {
            switch resolve(name, frame) {
            case .string(let text): slot = plans.slots[text]
            case .other(let value as String): slot = plans.slots[value]
            default: return
            }
        }
        guard let slot else { return }
        guard let plan = plans.plans[slot] else { failed = true; return }
        render(plan, frame.partial(indented: partial.indentation, overrides: partial.overrides, html: plans.html))
    }

    private mutating func variable(_ value: RenderValue, escaped: Bool, _ frame: RenderFrame) {
        switch value {
        case .none: return
        case .string(let text): append(text, escaped: escaped, frame)
        case .int(let number): append(String(number), escaped: escaped, frame)
        case .bool(let flag): append(flag ? "true" : "false", escaped: escaped, frame)
        case .object(let object):
            if let text = object.renderedText {
                append(text, escaped: escaped, frame)
            } else {
                variable(any: object.mustacheValue, escaped: escaped, frame)
            }
        case .list(let list): variable(any: list.mustacheValue, escaped: escaped, frame)
        case .other(let value): variable(any: value, escaped: escaped, frame)
        }
    }

    /// `{{name}}` of a value that is not typed, as swift-mustache writes it.
    private mutating func variable(any value: Any, escaped: Bool, _ frame: RenderFrame) {
        if let string = value as? String {
            append(string, escaped: escaped, frame)
        } else if escaped, value is MustacheTemplate {
            failed = true
        } else if let renderable = value as? MustacheCustomRenderable {
            append(renderable.renderText, escaped: escaped, frame)
        } else if value is MustacheLambda {
            failed = true
        } else {
            let unwrapped = (value as? RenderAnyOptional)?.wrapped ?? value
            append(String(describing: unwrapped), escaped: escaped, frame)
        }
    }

    private mutating func append(_ text: String, escaped: Bool, _ frame: RenderFrame) {
        if escaped { frame.escaper.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
    }

    private mutating func section(_ value: RenderValue, _ body: RenderPlan, _ frame: RenderFrame) {
        switch value {
        case .none: return
        case .bool(let flag): if flag { render(body, frame) }
        case .string, .int, .object: push(.value(value), body, frame.pushed())
        case .list(let list): each(list, body, frame)
        case .other(let value): section(any: value, body, frame)
        }
    }

    /// A section over a value that is not typed, as swift-mustache renders it.
    private mutating func section(any value: Any, _ body: RenderPlan, _ frame: RenderFrame) {
        switch value {
        case is MustacheLambda:
            failed = true
        case let sequence as any MustacheSequence:
            each(sequence, body, frame)
        case let bool as Bool:
            if bool { render(body, frame) }
        case let null as MustacheCustomRenderable where null.isNull:
            return
        default:
            push(.value(.other(value)), body, frame.pushed())
        }
    }

    private mutating func invertedSection(_ value: RenderValue, _ body: RenderPlan, _ frame: RenderFrame) {
        switch value {
        case .none: render(body, frame)
        case .bool(let flag): if !flag { render(body, frame) }
        case .string, .int, .object: return
        case .list(let list): if list.count == 0 { push(.value(value), body, frame.pushed()) }
        case .other(let value): invertedSection(any: value, body, frame)
        }
    }

    /// An inverted section over a value that is not typed, as swift-mustache renders it.
    private mutating func invertedSection(any value: Any, _ body: RenderPlan, _ frame: RenderFrame) {
        switch value {
        case is MustacheLambda:
            failed = true
        case let sequence as any MustacheSequence:
            if isEmpty(sequence) { push(.value(.other(sequence)), body, frame.pushed()) }
        case let bool as Bool:
            if !bool { render(body, frame) }
        case let null as MustacheCustomRenderable where null.isNull:
            render(body, frame)
        default:
            return
        }
    }

    private func isEmpty<S: Sequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    /// A section over a typed list: each element read in place.
    private mutating func each(_ list: any RenderList, _ body: RenderPlan, _ frame: RenderFrame) {
        let count = list.count
        for index in 0..<count where !failed {
            let position = RenderSequencePosition(first: index == 0, last: index == count - 1, index: index)
            push(.element(list, index), body, frame.pushed(position))
        }
    }

    private mutating func each<S: Sequence>(_ sequence: S, _ body: RenderPlan, _ frame: RenderFrame) {
        var iterator = sequence.makeIterator()
        guard var current = iterator.next() else { return }
        var position = RenderSequencePosition(first: true, last: false, index: 0)
        while let next = iterator.next() {
            push(.value(RenderValue(any: current)), body, frame.pushed(position))
            if failed { return }
            current = next
            position.first = false
            position.index += 1
        }
        position.last = true
        push(.value(RenderValue(any: current)), body, frame.pushed(position))
    }

    private mutating func push(_ entry: RenderStackEntry, _ body: RenderPlan, _ frame: RenderFrame) {
        stack.append(entry)
        render(body, frame)
        stack.removeLast()
    }

    /// The value `name` reads, as swift-mustache's `getChild` finds it.
    private mutating func resolve(_ name: RenderName, _ frame: RenderFrame) -> RenderValue {
        var value: RenderValue
        switch name.root {
        case .current:
            value = stack[stack.count - 1].current
        case .sequence:
            value = frame.sequence.map { .other($0) } ?? .none
        case .currentOnly(let names):
            switch stack[stack.count - 1] {
            case .value(let current): value = path(names[...], from: current)
            case .element(let list, let index):
                value = names.isEmpty ? list.element(index) : path(names.dropFirst(), from: list.value(names[0], at: index))
            }
        case .stack(let names):
            guard let first = names.first else {
                value = stack[stack.count - 1].current
                break
            }
            value = .none
            var index = stack.count - 1
            while index >= 0 {
                let found = stack[index].value(first)
                if !found.isNone {
                    value = path(names.dropFirst(), from: found)
                    break
                }
                index -= 1
            }
        }
        if case .other(let other) = value, let custom = other as? MustacheCustomRepresentation {
            value = RenderValue(any: custom.representation)
        }
        guard !name.transforms.isEmpty else { return value }
        guard var result = value.mustacheValue else { return .none }
        for transform in name.transforms {
            guard let transformable = result as? MustacheTransformable,
                  let transformed = transformable.transform(transform) else { return .none }
            result = transformed
        }
        return RenderValue(any: result)
    }

    /// `names` looked up one after another from `value` (swift-mustache's `_getChild`).
    private mutating func path(_ names: ArraySlice<ContextName>, from value: RenderValue) -> RenderValue {
        var value = value
        for name in names {
            if case .other(let other) = value, other is MustacheLambda { failed = true; return .none }
            value = RenderStackEntry.child(name, of: value)
            if value.isNone { return .none }
        }
        return value
    }
}

/// Lets a value boxed in `Any` say whether it holds an `Optional`, as swift-mustache's internal
/// `AnyOptional` does before it describes a value.
protocol RenderAnyOptional {
    var wrapped: Any? { get }
}

extension Optional: RenderAnyOptional {
    var wrapped: Any? { self }
}
