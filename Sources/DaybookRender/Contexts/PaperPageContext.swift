/// One paper's page: the paper, related papers and its BibTeX entry.
public struct PaperPageContext: PageContext {
    public let base: PageBase
    public let paper: LocalizedPaper
    public let related: [LocalizedPaper]
    public let bibtex: String

    public static let optionalNames: Set<String> = []

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .paper: .object(paper)
        case .related: .list(related)
        case .bibtex: .string(bibtex)
        default: base.value(name)
        }
    }
}
