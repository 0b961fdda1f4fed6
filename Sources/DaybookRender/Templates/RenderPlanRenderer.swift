import Mustache

/// Runs a `RenderPlan` over a context into one byte buffer, with swift-mustache 2.1.1's semantics
/// (`MustacheTemplate.render(context:)`, `getChild`, `renderSection`): the same lookups through
/// the context stack, sections over lists, bools, nil and objects, inverted sections, partials with
/// their indentation, inheritance and transforms. What it cannot render the same way (a lambda or
/// a template as a value) sets `failed`, and the caller renders through swift-mustache instead.
struct RenderPlanRenderer {
    let plans: RenderPlans
    private(set) var out: [UInt8] = []
    private(set) var failed = false
    private var stack: [RenderStackEntry] = []

    init(plans: RenderPlans, root: Any, capacity: Int) {
        self.plans = plans
        out.reserveCapacity(capacity)
        stack.reserveCapacity(8)
        stack.append(RenderStackEntry(root))
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
            guard let value = resolve(name, frame) else { return }
            variable(value, escaped: escaped, frame)
        case .section(let name, let body, let inverted):
            let value = resolve(name, frame)
            if value is MustacheLambda { failed = true; return }
            if inverted { invertedSection(value, body, frame) } else { section(value, body, frame) }
        case .partial(let slot, let indentation, let overrides):
            guard let slot else { return }
            partial(slot, indentation: indentation, overrides: overrides, frame)
        case .dynamicPartial(let name, let indentation, let overrides):
            guard let value = resolve(name, frame) else { return }
            guard let template = value as? String else { return }
            guard let slot = plans.slots[template] else { return }
            partial(slot, indentation: indentation, overrides: overrides, frame)
        case .block(let name, let fallback, let indentation):
            render(frame.inherited?[name] ?? fallback, frame.block(indented: indentation))
        case .contentType(let escaper):
            frame.escaper = escaper
        }
    }

    private mutating func partial(_ slot: Int, indentation: String?, overrides: [String: RenderPlan]?, _ frame: RenderFrame) {
        guard let plan = plans.plans[slot] else { failed = true; return }
        render(plan, frame.partial(indented: indentation, overrides: overrides, html: plans.html))
    }

    private mutating func variable(_ value: Any, escaped: Bool, _ frame: RenderFrame) {
        if let string = value as? String {
            append(string, escaped: escaped, frame)
        } else if escaped, value is MustacheTemplate {
            failed = true
        } else if let renderable = value as? MustacheCustomRenderable {
            append(renderable.renderText, escaped: escaped, frame)
        } else if value is MustacheLambda {
            failed = true
        } else if let number = value as? Int {
            out.append(contentsOf: String(number).utf8)
        } else {
            let unwrapped = (value as? RenderAnyOptional)?.wrapped ?? value
            append(String(describing: unwrapped), escaped: escaped, frame)
        }
    }

    private mutating func append(_ text: String, escaped: Bool, _ frame: RenderFrame) {
        if escaped { frame.escaper.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
    }

    private mutating func section(_ value: Any?, _ body: RenderPlan, _ frame: RenderFrame) {
        switch value {
        case let sequence as any MustacheSequence:
            each(sequence, body, frame)
        case let bool as Bool:
            if bool { render(body, frame) }
        case let null as MustacheCustomRenderable where null.isNull:
            return
        case .some(let object):
            push(object, body, frame.pushed())
        case .none:
            return
        }
    }

    private mutating func invertedSection(_ value: Any?, _ body: RenderPlan, _ frame: RenderFrame) {
        switch value {
        case let sequence as any MustacheSequence:
            if isEmpty(sequence) { push(sequence, body, frame.pushed()) }
        case let bool as Bool:
            if !bool { render(body, frame) }
        case let null as MustacheCustomRenderable where null.isNull:
            render(body, frame)
        case .some:
            return
        case .none:
            render(body, frame)
        }
    }

    private func isEmpty<S: Sequence>(_ sequence: S) -> Bool {
        var iterator = sequence.makeIterator()
        return iterator.next() == nil
    }

    private mutating func each<S: Sequence>(_ sequence: S, _ body: RenderPlan, _ frame: RenderFrame) {
        var iterator = sequence.makeIterator()
        guard var current = iterator.next() else { return }
        var position = RenderSequencePosition(first: true, last: false, index: 0)
        while let next = iterator.next() {
            push(current, body, frame.pushed(position))
            if failed { return }
            current = next
            position.first = false
            position.index += 1
        }
        position.last = true
        push(current, body, frame.pushed(position))
    }

    private mutating func push(_ object: Any, _ body: RenderPlan, _ frame: RenderFrame) {
        stack.append(RenderStackEntry(object))
        render(body, frame)
        stack.removeLast()
    }

    /// The value `name` reads, as swift-mustache's `getChild` finds it.
    private mutating func resolve(_ name: RenderName, _ frame: RenderFrame) -> Any? {
        var value: Any?
        switch name.root {
        case .current:
            value = stack[stack.count - 1].value
        case .sequence:
            value = frame.sequence
        case .currentOnly(let names):
            value = path(names[...], from: stack[stack.count - 1].value)
        case .stack(let names):
            guard let first = names.first else {
                value = stack[stack.count - 1].value
                break
            }
            for entry in stack.reversed() {
                if let found = entry.child(named: first) {
                    value = path(names.dropFirst(), from: found)
                    break
                }
            }
        }
        if let custom = value as? MustacheCustomRepresentation { value = custom.representation }
        guard var result = value else { return nil }
        for transform in name.transforms {
            guard let transformable = result as? MustacheTransformable,
                  let transformed = transformable.transform(transform) else { return nil }
            result = transformed
        }
        return result
    }

    /// `names` looked up one after another from `object` (swift-mustache's `_getChild`).
    private mutating func path(_ names: ArraySlice<String>, from object: Any) -> Any? {
        var object = object
        for name in names {
            if object is MustacheLambda { failed = true; return nil }
            guard let child = RenderStackEntry.child(named: name, of: object) else { return nil }
            object = child
        }
        return object
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
