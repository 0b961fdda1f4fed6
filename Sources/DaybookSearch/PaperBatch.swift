import DaybookContent
import DaybookRender
import DaybookSystem

/// The per-paper part of building a `SearchIndex`, for a run of documents that one thread takes:
/// each paper's document text and its terms' postings, the terms numbered in a `TermTable` of the
/// batch's own. Words are tokenized as UTF-8 bytes and their frequencies added up in an array by
/// term id, so an ASCII word costs a hash of its bytes: no `String`, no dictionary of strings.
/// `SearchIndex.impacts(_:)` (one paper, for an edit) is computed here too.
struct PaperBatch: Sendable {
    var terms = TermTable(capacity: 4096)
    /// Postings (`document << impactBits | level`, ascending) by term id; empty for a term that
    /// only the stop words put in the table.
    var postings: [[UInt32]] = []
    /// The documents' `docs/<n>.json` texts when a file holds one document (`chunkEach`), else
    /// their JSON arrays; `documentNumbers` are their numbers. None with `writing`.
    var chunks: [String] = []
    var documents: [String] = []
    var documentNumbers: [Int] = []

    private let basePathLength: Int
    private let chunkEach: Bool
    /// With `chunkEach`, where each document's file goes as soon as it is made (by number), instead of `chunks`.
    private let writing: (@Sendable (Int, [UInt8]) -> Void)?
    /// Per term id: the paper's weighted frequency so far (0: not in the paper), whether it is a stop word.
    private var frequency: [Double] = []
    private var isStopWord: [Bool] = []
    /// The paper's terms, in the order first counted.
    private var touched: [Int] = []
    private var words: [Int] = []
    private var buffer: [UInt8] = []
    private var out: [UInt8] = []

    /// `chunkEach`: make each document's `docs/<n>.json` text (one document a file), not its
    /// array; `writing`: give it there rather than keep it.
    init(basePathLength: Int, chunkEach: Bool, writing: (@Sendable (Int, [UInt8]) -> Void)? = nil) {
        self.basePathLength = basePathLength
        self.chunkEach = chunkEach
        self.writing = chunkEach ? writing : nil
        for word in SearchIndex.stopWords {
            var word = word
            isStopWord[word.withUTF8 { intern($0) }] = true
        }
    }

    /// Adds document `number`, higher than any added before: its terms' postings when `terms`,
    /// its text when `document`.
    mutating func add(_ view: PaperView, number: Int, terms: Bool = true, document: Bool = true) {
        let abstract = SearchIndex.searchText(view.paper.abstract)
        if terms {
            weigh(view.paper, abstract: abstract)
            let posting = UInt32(number) << SearchIndex.impactBits
            for id in touched {
                postings[id].append(posting | SearchIndex.level(frequency[id]))
                frequency[id] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
        guard document else { return }
        out.removeAll(keepingCapacity: true)
        out.append(0x5B)
        SearchIndex.document(view, abstract: abstract, basePathLength: basePathLength, into: &out)
        if let writing {
            out += [0x5D, 0x0A]
            writing(number, out)
            return
        }
        documentNumbers.append(number)
        if chunkEach {
            out += [0x5D, 0x0A]
            chunks.append(String(decoding: out, as: UTF8.self))
        } else {
            documents.append(String(decoding: out[1...], as: UTF8.self))
        }
    }

    /// `SearchIndex.impacts(_:)`.
    mutating func impacts(_ paper: Paper) -> [String: UInt32] {
        weigh(paper, abstract: SearchIndex.searchText(paper.abstract))
        var out: [String: UInt32] = [:]
        for id in touched {
            out[terms.string(id)] = SearchIndex.level(frequency[id])
            frequency[id] = 0
        }
        touched.removeAll(keepingCapacity: true)
        return out
    }

    /// Counts the paper's terms into `frequency` (and `touched`): title, id (the whole id as one
    /// term first, then its parts), authors, tags, summary and abstract, in that order.
    private mutating func weigh(_ paper: Paper, abstract: String) {
        field(SearchIndex.searchText(paper.title), SearchIndex.title)
        let id = paper.id.lowercased()
        var joined = SearchIndex.idTerm(id)
        if joined != id && joined.utf8.count >= 2 && joined.utf8.count <= 40 {
            count(joined.withUTF8 { intern($0) }, SearchIndex.idField.weight)
        }
        field(id, SearchIndex.idField)
        for name in paper.authors { field(name, SearchIndex.author) }
        for name in paper.tags { field(name, SearchIndex.tag) }
        if let summary = paper.summary { field(summary, SearchIndex.summaryField) }
        field(abstract, SearchIndex.abstractField)
    }

    private mutating func intern(_ term: UnsafeBufferPointer<UInt8>, hash: UInt64? = nil) -> Int {
        let id = terms.id(of: term, hash: hash ?? TermTable.hash(term))
        if id == postings.count {
            postings.append([])
            frequency.append(0)
            isStopWord.append(false)
        }
        return id
    }

    private mutating func count(_ id: Int, _ weight: Double) {
        if frequency[id] == 0 { touched.append(id) }
        frequency[id] += weight
    }

    /// The field's terms, stop words skipped where it says so, each counted with the field's
    /// weight over its length norm.
    private mutating func field(_ value: String, _ field: SearchIndex.Field) {
        // The scratch arrays are moved out of `self` while the tokenizer's closure interns terms.
        var words = self.words, buffer = self.buffer
        self.words = []
        self.buffer = []
        words.removeAll(keepingCapacity: true)
        SearchIndex.forEachTerm(of: value, buffer: &buffer) { term, hash in
            let id = intern(term, hash: hash)
            if !field.skipsStopWords || !isStopWord[id] { words.append(id) }
        }
        defer {
            self.words = words
            self.buffer = buffer
        }
        guard !words.isEmpty else { return }
        let norm = 1 - field.b + field.b * Double(words.count) / field.averageLength
        let each = field.weight / norm
        for id in words { count(id, each) }
    }
}
