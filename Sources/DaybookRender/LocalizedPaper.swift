import DaybookContent
import DaybookSystem

/// A paper as pages and cards show it: dates and author counts in the site's language (the
/// theme's strings), every other name as `PaperView` gives it.
public struct LocalizedPaper: RenderObject, Sendable, OptionalTemplateNames {
    public let view: PaperView
    let localized: LocalizedStrings

    /// What a record may not have.
    public static let optionalNames: Set<String> = [
        "authors", "authorsShort", "authorsShortHTML", "authorList", "published", "publishedISO", "upvotes",
        "excerptHTML", "summary", "arxivURL", "pdfURL", "codeURL", "projectURL", "stars", "withdrawn", "withdrawnISO",
    ]

    public init(_ view: PaperView, strings: InterfaceStrings) {
        self.init(view, LocalizedStrings(strings))
    }

    init(_ view: PaperView, _ localized: LocalizedStrings) {
        self.view = view
        self.localized = localized
    }

    public var strings: InterfaceStrings { localized.strings }

    /// "Ada Lovelace, Alan Turing", or "6 authors" when only the count is known.
    public var authorsLine: String? {
        let paper = view.paper
        if !paper.authors.isEmpty { return paper.authors.joined(separator: ", ") }
        return paper.authorCount.map { strings.count(InterfaceKey.authors, $0) }
    }

    /// Authors for a list: the first few names then "et al.", or the count.
    public var authorsShort: String? {
        let authors = view.paper.authors
        guard authors.count > 4 else { return authorsLine }
        return strings.text(InterfaceKey.authorsEtAl, ["names": authors.prefix(3).joined(separator: ", "),
                                                       "count": String(authors.count)])
    }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .day: .string(localized.long(view.paper.day))
        case .published: RenderValue(view.paper.published.map(localized.long))
        case .withdrawn: RenderValue(view.paper.withdrawn.map(localized.long))
        case .authors: RenderValue(authorsLine)
        case .authorsShort: RenderValue(authorsShort)
        case .authorsShortHTML: RenderValue(authorsShort.map(Escaping.html))
        default: view.value(name)
        }
    }
}
