import Yams

extension SiteConfigLoader {
    /// `sources:`: a list of one-key mappings (`- huggingface: daily`, `- arxiv: [cs.CL, cs.LG]`),
    /// each with an optional `api:`. A source given twice is an error (fetch would ask twice).
    static func sources(_ node: Node, reader: inout YAMLFieldReader) -> [FetchSource] {
        if YAMLFieldReader.isNull(node) { return [] }
        guard case let .sequence(entries) = node else {
            reader.fail("'sources' must be a list, e.g. '- huggingface: daily' and '- arxiv: [cs.CL]', got \(YAMLFieldReader.describe(node))",
                        at: node)
            return []
        }
        var sources: [FetchSource] = []
        var seen: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            let context = "'sources' item \(index + 1)"
            let fields = reader.fields(of: entry, known: FetchSource.names + ["api"], context: context)
            let kinds = FetchSource.names.filter { fields[$0] != nil }
            guard kinds.count == 1, let name = kinds.first, let value = fields[name] else {
                if !fields.isEmpty || reader.diagnostics.isEmpty {
                    reader.fail("\(context) must name one source: 'huggingface: daily' or 'arxiv: [categories]'", at: entry)
                }
                continue
            }
            var api: String?
            if let node = fields["api"], let text = reader.requiredLine(node, field: "api") {
                if let problem = FetchSource.apiProblem(text) {
                    reader.fail("\(context): 'api' \(problem), got \(SourceText.quoted(text))", at: node)
                } else {
                    api = text.hasSuffix("/") ? String(text.dropLast()) : text
                }
            }
            let kind: FetchSource.Kind
            switch name {
            case "huggingface":
                guard case let .scalar(scalar) = value, scalar.string == "daily" else {
                    reader.fail("\(context): 'huggingface' must be daily (the daily papers list), got \(YAMLFieldReader.describe(value))",
                                at: value)
                    continue
                }
                kind = .huggingFace
            default:
                var categories: [String]
                if case .sequence = value {
                    categories = reader.textList(value, field: "arxiv") ?? []
                } else if let single = reader.requiredLine(value, field: "arxiv") {
                    categories = single.split(whereSeparator: { $0 == "+" || $0 == "," || $0 == " " }).map(String.init)
                } else {
                    continue
                }
                let bad = categories.filter { !FetchSource.isArxivCategory($0) }
                if !bad.isEmpty {
                    reader.fail("\(context): \(bad.map { SourceText.quoted($0) }.joined(separator: ", ")) "
                                + "\(bad.count == 1 ? "is not an arXiv category" : "are not arXiv categories") (like cs.CL, hep-ex, astro-ph.CO)",
                                at: value)
                    continue
                }
                if categories.isEmpty {
                    reader.fail("\(context): 'arxiv' needs at least one category, e.g. [cs.CL]", at: value)
                    continue
                }
                var unique: [String] = []
                for category in categories where !unique.contains(category) { unique.append(category) }
                kind = .arxiv(categories: unique)
            }
            if let first = seen[name] {
                reader.fail("\(context): '\(name)' is already configured in item \(first) (list all its categories there)", at: entry)
                continue
            }
            seen[name] = index + 1
            sources.append(FetchSource(kind: kind, api: api))
        }
        return sources
    }
}
