/// Decodes Hugging Face papers JSON: `/api/daily_papers` (a list of items, each wrapping a `paper`)
/// or `/api/papers/{id}` (one flat paper object); a single wrapped item is accepted too.
///
/// ```swift
/// let papers = try HuggingFacePaperDecoder.decode(bytes: data, path: "content/hf/2025-09-08.json")
/// ```
/// Rules: the featured day is `paper.submittedOnDailyAt` (else `requestedDay`, the `date` a download
/// asked for, else the item's `publishedAt`: payloads from before 2025 have no `submittedOnDailyAt`); hidden
/// authors are dropped; counts may be floats (`26.0`) but must be whole; a missing count stays nil;
/// `ai_summary` → `summary`, `ai_keywords` → `tags`, `githubRepo` (URL or `owner/name`) → `links.code`,
/// `githubStars` → `stars`, `projectPage` → `links.project`, `withdrawnAt` → `withdrawn`,
/// `paper.publishedAt` → `published`; the abstract's hard wraps are reflowed, titles collapsed to one line.
/// Unknown keys are ignored (the API grows). Errors name the item (1-based) and the field, positioned
/// at the offending value: `content/hf/2025-09-08.json:12:18: item 3: 'upvotes' must be a number, got "many"`.
public enum HuggingFacePaperDecoder {
    /// Every paper in the file, in file order, each with `source.path == path`.
    public static func decode(bytes: [UInt8], path: String, requestedDay: Day? = nil) throws(ContentError) -> [Paper] {
        try SourceText.checkUTF8(bytes[(bytes.starts(with: SourceText.byteOrderMark) ? 3 : 0)...], path: path)
        let root = try JSONParser.parse(bytes, path: path)
        var reader = JSONFieldReader(path: path, locator: JSONLocator(bytes))
        reader.requestedDay = requestedDay
        var papers: [Paper] = []
        switch root.kind {
        case let .array(items):
            papers.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                reader.prefix = "item \(index + 1): "
                if let paper = decodeItem(item, reader: &reader) { papers.append(paper) }
            }
        case .object where looksLikePaper(root):
            if let paper = decodeItem(root, reader: &reader) { papers.append(paper) }
        case let .object(members):
            let keys = members.map { "'\($0.key)'" }.joined(separator: ", ")
            reader.fail("expected Hugging Face papers JSON (a list of daily-papers items, or one paper with 'id' and "
                        + "'title'), got an object with \(members.isEmpty ? "no keys" : "keys \(keys)")", at: root)
        default:
            reader.fail("expected Hugging Face papers JSON (a list of daily-papers items, or one paper with 'id' and "
                        + "'title'), got \(root.shown)", at: root)
        }
        guard reader.diagnostics.isEmpty else { throw ContentError(reader.diagnostics) }
        return papers
    }

    /// Decodes JSON text (see `decode(bytes:path:)`).
    public static func decode(_ text: String, path: String) throws(ContentError) -> [Paper] {
        try decode(bytes: Array(text.utf8), path: path)
    }

    /// Whether a top-level object is one paper (`/api/papers/{id}`) or one wrapped item, rather than
    /// some other JSON (a third-party archive, a config file) that would only give "missing" errors.
    private static func looksLikePaper(_ object: JSONValue) -> Bool {
        object["paper"] != nil || object["id"] != nil || object["title"] != nil
    }

    private static func decodeItem(_ item: JSONValue, reader: inout JSONFieldReader) -> Paper? {
        guard case .object = item.kind else {
            reader.fail("expected a daily-papers item (an object with a 'paper' object), got \(item.shown)", at: item)
            return nil
        }
        // A daily-papers item wraps the paper; `/api/papers/{id}` is the paper itself.
        let wrapper: JSONValue?
        let paper: JSONValue
        if let inner = item["paper"] {
            guard case .object = inner.kind else {
                reader.fail("'paper' must be an object, got \(inner.shown)", at: inner)
                return nil
            }
            wrapper = item
            paper = inner
        } else {
            wrapper = nil
            paper = item
        }
        let before = reader.diagnostics.count
        let id = reader.id(paper)
        let title = reader.requiredText(paper["title"] ?? wrapper?["title"], field: "title", in: paper)
        let daily = paper["submittedOnDailyAt"].flatMap { $0.isNull ? nil : $0 }
        let (dayNode, dayField) = daily.map { ($0, "submittedOnDailyAt") } ?? (wrapper?["publishedAt"], "publishedAt")
        var day: Day?
        if daily == nil, let requested = reader.requestedDay {
            day = requested
        } else if let dayNode {
            day = reader.day(dayNode, field: dayField)
        } else {
            reader.fail("missing 'submittedOnDailyAt': the day the paper was featured", at: paper)
        }
        var result = Paper(id: id ?? "", title: title.map(SourceText.collapsingWhitespace) ?? "",
                           day: day ?? Day(daysSinceEpoch: 0), source: SourceLocation(path: reader.path))
        result.authors = reader.authors(paper["authors"])
        result.published = paper["publishedAt"].flatMap { reader.day($0, field: "publishedAt") }
        result.upvotes = paper["upvotes"].flatMap { reader.count($0, field: "upvotes") }
        result.stars = paper["githubStars"].flatMap { reader.count($0, field: "githubStars") }
        let abstract = (paper["summary"] ?? wrapper?["summary"]).flatMap { reader.text($0, field: "summary") }
        result.abstract = abstract.map(SourceText.reflowingParagraphs) ?? ""
        result.summary = paper["ai_summary"].flatMap { reader.text($0, field: "ai_summary") }
            .map(SourceText.collapsingWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        result.tags = TagList.normalized(paper["ai_keywords"].map { reader.textList($0, field: "ai_keywords") } ?? [])
        result.links.code = paper["githubRepo"].flatMap { reader.repository($0, field: "githubRepo") }
        result.links.project = paper["projectPage"].flatMap { reader.webPage($0, field: "projectPage") }
        result.withdrawn = paper["withdrawnAt"].flatMap { reader.day($0, field: "withdrawnAt") }
        guard reader.diagnostics.count == before, id != nil, title != nil, day != nil else { return nil }
        return result
    }
}
