import DaybookRender
import DaybookSystem

/// What a build takes from the previous build's index instead of weighing every paper again
/// (the build cache keeps it: `SearchCache`): each document's paper, by the hash of its stored
/// fields (`PaperView.paperHash`), and every term's postings. A document whose paper hash is
/// still in the library keeps its postings, renumbered; only the other papers are weighed. The
/// postings depend on nothing but the paper's fields (and the code, which the cache's header
/// pins), so the index is the one a clean build makes, byte for byte.
///
/// A `docs/<n>.json` file is kept as it is on disk when the key the build cache recorded for it
/// is its key now (`documentKey`: the paper's hash, its URL, the code), as pages are.
extension SearchIndex {
    /// An index's postings, as a build leaves them for the next.
    package struct Postings: Sendable, Equatable {
        /// Per document number, its paper's `paperHash`.
        package var keys: [UInt64]
        /// The terms, sorted, and each one's postings (`document << impactBits | level`, ascending).
        package var terms: [String]
        package var lists: [[UInt32]]

        package init(keys: [UInt64], terms: [String], lists: [[UInt32]]) {
            self.keys = keys
            self.terms = terms
            self.lists = lists
        }
    }

    /// The postings the next build may take (see `Postings`).
    package var postingsForNextBuild: Postings {
        let (terms, lists) = builtPostings ?? {
            let terms = postings.keys.sorted()
            return (terms, terms.map { postings[$0]! })
        }()
        return Postings(keys: keys, terms: terms, lists: lists)
    }

    /// `postingsForNextBuild`, taken out of the index, for a build that has written the index's
    /// files (`dropFileTexts`) and needs nothing more of it than its keys and entry: the index
    /// then has no postings and cannot be updated.
    package mutating func takePostings() -> Postings {
        let taken = postingsForNextBuild
        builtPostings = nil
        postings = [:]
        return taken
    }

    /// One document a file, each document's text by its key (`documentKey`): what a new index
    /// of the same site may take (`documents:`); empty otherwise.
    package var documentsByKey: [UInt64: String] {
        guard docsPerShard == 1, keptDocuments.isEmpty else { return [:] }
        return Dictionary(zip(documentKeys, docChunks), uniquingKeysWith: { first, _ in first })
    }

    /// The `docs/<n>.json` files kept as they are on disk (paths relative to the output folder).
    package var keptFiles: [String] { keptDocuments.map(docsPath) }

    /// Each `docs/<n>.json` file's key, by path (none when a file holds more than one document).
    package var documentFileKeys: [(path: String, key: UInt64)] {
        documentKeys.enumerated().map { (docsPath($0.offset), $0.element) }
    }

    /// How many `docs/<n>.json` files were made now (one document a file): `madeDocumentFileKeys.count`.
    package var madeDocumentFileCount: Int { documentKeys.count - keptDocuments.count }

    /// The keys of the `docs/<n>.json` files made now, by path: `documentFileKeys` less the kept files'.
    package var madeDocumentFileKeys: [(path: String, key: UInt64)] {
        var kept = [Bool](repeating: false, count: documentKeys.count)
        for document in keptDocuments { kept[document] = true }
        return documentKeys.indices.filter { !kept[$0] }.map { (docsPath($0), documentKeys[$0]) }
    }

    /// What every document's key starts from: the code and the documents' format.
    private static let documentSeed: UInt64 = {
        var hasher = StableHasher()
        DaybookIdentity.combine(into: &hasher)
        hasher.combine("search document 4")
        return hasher.value
    }()

    /// What `docs/<n>.json` is made from, one document a file: the paper's stored fields, its
    /// URL (which holds the base path) and the code.
    static func documentKey(_ view: PaperView) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(documentSeed)
        hasher.combine(view.paperHash)
        hasher.combine(view.url)
        return hasher.value
    }

    /// `previous`'s postings renumbered for the documents whose paper hashes are `keys` (by
    /// number), and which documents are not in them (`weigh`: their papers are new or changed).
    /// The table holds `previous.terms` in order (term `i` has id `i`). Nil when `previous` does
    /// not fit: a key twice, documents that would change order, postings out of range or order.
    static func carry(_ previous: Postings, keys: [UInt64], workers: Int)
        -> (table: TermTable, lists: [[UInt32]], weigh: [Bool])? {
        guard previous.terms.count == previous.lists.count, keys.count < 1 << (32 - Int(impactBits)) else { return nil }
        var numbers: [UInt64: Int] = [:]
        numbers.reserveCapacity(previous.keys.count)
        for (number, key) in previous.keys.enumerated() {
            guard numbers.updateValue(number, forKey: key) == nil else { return nil }
        }
        // Old number → new, `.max` for a document gone; kept documents keep their order.
        var renumber = [UInt32](repeating: .max, count: previous.keys.count)
        var weigh = [Bool](repeating: true, count: keys.count)
        var last = -1
        for (number, key) in keys.enumerated() {
            guard let old = numbers[key] else { continue }
            guard old > last else { return nil }
            last = old
            renumber[old] = UInt32(number)
            weigh[number] = false
        }
        var table = TermTable(capacity: previous.terms.count + 1024)
        for (id, term) in previous.terms.enumerated() {
            var term = term
            guard term.withUTF8({ table.id(of: $0) }) == id else { return nil }
        }
        let mask = UInt32(impactLevels - 1), renumbered = renumber
        let lists = previous.lists.parallelMap(workers: workers) { list -> [UInt32]? in
            var out: [UInt32] = []
            out.reserveCapacity(list.count)
            var previousDocument = -1
            for posting in list {
                let document = Int(posting >> impactBits)
                guard document > previousDocument, document < renumbered.count else { return nil }
                previousDocument = document
                let number = renumbered[document]
                if number != .max { out.append(number << impactBits | posting & mask) }
            }
            return out
        }
        var carried: [[UInt32]] = []
        carried.reserveCapacity(lists.count)
        for list in lists {
            guard let list else { return nil }
            carried.append(list)
        }
        return (table, carried, weigh)
    }

    /// Adds `postings` (ascending, documents not in `list`) to `list`, keeping it ascending.
    static func merge(_ postings: [UInt32], into list: inout [UInt32]) {
        guard let first = postings.first else { return }
        if list.last.map({ $0 < first }) ?? true {
            list += postings
            return
        }
        list = list.mergingSorted(postings)
    }
}

extension SearchIndex {
    /// The `docs/<n>.json` files an index kept as they are on disk, by number.
    package struct KeptDocumentFiles: Sendable {
        /// Where the document files are (`search/docs/`), relative to the output folder.
        private var folder: [UInt8] = []
        private var kept: [Bool] = []
        package private(set) var count = 0

        package init() {}

        init(folder: String, kept: [Int], documents: Int) {
            self.folder = Array(folder.utf8)
            self.kept = [Bool](repeating: false, count: documents)
            for document in kept { self.kept[document] = true }
            count = kept.count
        }

        /// Whether `path` is a kept document file; nil when it is no document file's path
        /// (`docs/<n>.json` with `n` in decimal, no leading zero, below the number of documents).
        package func containsFile(_ path: String) -> Bool? {
            let bytes = path.utf8
            guard !kept.isEmpty, bytes.count > folder.count + 5, bytes.starts(with: folder) else { return nil }
            var number = 0
            var digits = 0
            var index = bytes.index(bytes.startIndex, offsetBy: folder.count)
            while index != bytes.endIndex, let digit = Self.digit(bytes[index]) {
                guard digits < 12, !(digits == 1 && number == 0) else { return nil }
                number = number * 10 + digit
                digits += 1
                bytes.formIndex(after: &index)
            }
            guard digits > 0, bytes[index...].elementsEqual(".json".utf8), number < kept.count else { return nil }
            return kept[number]
        }

        private static func digit(_ byte: UInt8) -> Int? {
            byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
        }
    }

    /// The document files this index kept as they are on disk (see `keptFiles`).
    package var keptDocumentFiles: KeptDocumentFiles {
        KeptDocumentFiles(folder: folder + "docs/", kept: keptDocuments, documents: documentKeys.count)
    }
}
