/// What a template renders within besides the stack, as swift-mustache's `MustacheContext` carries
/// it: the enclosing loop's position, a partial's indentation, the blocks a `{{<parent}}`
/// overrides and the current escaping.
struct RenderFrame {
    var sequence: RenderSequencePosition?
    var indentation: String?
    var inherited: [String: RenderPlan]?
    var escaper: RenderEscaper

    init(escaper: RenderEscaper) {
        self.escaper = escaper
    }

    /// Inside a partial: indentation added, overrides merged (the outer ones win), escaping back
    /// to `html`.
    func partial(indented: String?, overrides: [String: RenderPlan]?, html: RenderEscaper) -> RenderFrame {
        var frame = RenderFrame(escaper: html)
        frame.indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
        if let overrides {
            frame.inherited = inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
        } else {
            frame.inherited = inherited
        }
        return frame
    }

    /// Inside a block expansion: indentation added, no loop position.
    func block(indented: String?) -> RenderFrame {
        var frame = self
        frame.sequence = nil
        frame.indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
        return frame
    }

    /// Inside a section over an object, or a loop's element (`sequence`).
    func pushed(_ sequence: RenderSequencePosition? = nil) -> RenderFrame {
        var frame = self
        frame.sequence = sequence
        return frame
    }
}
