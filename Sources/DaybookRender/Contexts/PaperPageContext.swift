/// One paper's page: the paper, related papers and its BibTeX entry.
public struct PaperPageContext: PageContext {
    public let base: PageBase
    public let paper: LocalizedPaper
    public let related: [LocalizedPaper]
    public let bibtex: String

    public static let optionalNames: Set<String> = []

    public func child(named name: String) -> Any? {
        switch name {
        case "paper": return paper
        case "related": return related
        case "bibtex": return bibtex
        default: return base.child(named: name)
        }
    }
}
