import Yams

/// Reads back a record file that an import is about to merge into, so that no field it holds is lost.
///
/// It accepts what `PaperRecordWriter` writes and hand-written records in the same format; problems are
/// positioned (`path:line:column: message`), and the importer then leaves the file alone.
enum ExistingRecordReader {
    static func read(_ text: String, path: String) throws(ContentError) -> Paper {
        guard let split = FrontMatterSplit(text) else {
            throw ContentError([Diagnostic(path: path, line: 1, column: 1,
                                           message: "a record must start with a '---' front matter line and close it with '---'")])
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: split.yaml)
        } catch let error as YamlError {
            throw ContentError([diagnostic(for: error, path: path)])
        } catch {
            throw ContentError([Diagnostic(path: path, line: 2, message: "front matter: \(error)")])
        }
        guard let mapping = node?.mapping else {
            throw ContentError([Diagnostic(path: path, line: 2, column: 1, message: "front matter must be a mapping of keys")])
        }
        var fields = Fields(path: path)
        let id = fields.string(mapping, "id")
        let title = fields.string(mapping, "title")
        let day = fields.day(mapping, "day")
        guard let id, let title, let day else {
            for key in ["id", "title", "day"] where mapping[key] == nil {
                fields.problems.append(Diagnostic(path: path, line: 2, column: 1, message: "missing required key '\(key)'"))
            }
            throw ContentError(fields.problems)
        }
        let linkNode = mapping["links"]?.mapping
        var paper = Paper(id: id, title: title, day: day, abstract: split.body,
                          source: SourceLocation(path: path, bodyLine: split.bodyLine))
        paper.authors = fields.strings(mapping, "authors")
        paper.authorCount = fields.int(mapping, "author_count")
        paper.published = fields.day(mapping, "published")
        paper.upvotes = fields.int(mapping, "upvotes")
        paper.tags = fields.strings(mapping, "tags")
        paper.summary = fields.string(mapping, "summary")
        paper.stars = fields.int(mapping, "stars")
        paper.withdrawn = fields.day(mapping, "withdrawn")
        if let linkNode {
            paper.links = PaperLinks(arxiv: fields.string(linkNode, "arxiv"), pdf: fields.string(linkNode, "pdf"),
                                     code: fields.string(linkNode, "code"), project: fields.string(linkNode, "project"),
                                     doi: fields.string(linkNode, "doi"))
        }
        guard fields.problems.isEmpty else { throw ContentError(fields.problems) }
        return paper
    }

    private static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return Diagnostic(path: path, line: mark.line + 1, column: mark.column, message: "front matter: \(problem)")
        default:
            return Diagnostic(path: path, line: 2, message: "front matter: \(error)")
        }
    }
}

/// Typed field access that collects positioned problems instead of stopping at the first.
private struct Fields {
    let path: String
    var problems: [Diagnostic] = []

    mutating func string(_ mapping: Node.Mapping, _ key: String) -> String? {
        guard let node = mapping[key] else { return nil }
        guard let scalar = node.scalar else { return fail(node, "'\(key)' must be text") }
        return scalar.string
    }

    mutating func strings(_ mapping: Node.Mapping, _ key: String) -> [String] {
        guard let node = mapping[key] else { return [] }
        guard let sequence = node.sequence else { return fail(node, "'\(key)' must be a list") ?? [] }
        return sequence.compactMap { item in
            item.scalar?.string ?? fail(item, "'\(key)' items must be text")
        }
    }

    mutating func int(_ mapping: Node.Mapping, _ key: String) -> Int? {
        guard let node = mapping[key] else { return nil }
        if let scalar = node.scalar, let value = Int(scalar.string) { return value }
        return fail(node, "'\(key)' must be a whole number, got \(YAMLQuoting.quoted(node.scalar?.string ?? "a collection"))")
    }

    mutating func day(_ mapping: Node.Mapping, _ key: String) -> Day? {
        guard let node = mapping[key] else { return nil }
        if let scalar = node.scalar, let day = Day(iso: scalar.string) { return day }
        return fail(node, "'\(key)' must be a date like 2026-11-20, got \(YAMLQuoting.quoted(node.scalar?.string ?? "a collection"))")
    }

    private mutating func fail<T>(_ node: Node, _ message: String) -> T? {
        problems.append(Diagnostic(path: path, line: (node.mark?.line ?? 0) + 1, column: node.mark?.column ?? 0,
                                   message: message))
        return nil
    }
}

/// A record's text cut into its front matter and its body.
struct FrontMatterSplit {
    var yaml: String
    var body: String
    /// 1-based line where the body starts.
    var bodyLine: Int

    init?(_ text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), first.trimmingTrailingCR == "---" else { return nil }
        var yamlLines: [Substring] = []
        while let line = lines.popFirst() {
            if line.trimmingTrailingCR == "---" {
                yaml = yamlLines.joined(separator: "\n") + "\n"
                bodyLine = yamlLines.count + 3
                var rest = lines.joined(separator: "\n")
                while rest.last == "\n" || rest.last == "\r" || rest.last == "\r\n" { rest.removeLast() }
                body = rest
                return
            }
            yamlLines.append(line)
        }
        return nil
    }
}

extension Substring {
    var trimmingTrailingCR: Substring { last == "\r" ? dropLast() : self }
}
