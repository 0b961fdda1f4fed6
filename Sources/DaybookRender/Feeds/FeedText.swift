import DaybookContent

/// The words feeds write around the content: the digest's titles, link labels, upvote and author
/// counts, a tag feed's title and description. From the theme's strings (`feed.*`, `count.*` and
/// `date` of `i18n/<language>.yml`), or `english`, the words feeds were first written with.
public struct FeedText: Sendable {
    let strings: InterfaceStrings?

    /// English, as written in code: what a feed writer made without a theme uses.
    public static let english = FeedText(strings: nil)

    public init(_ strings: InterfaceStrings) {
        self.strings = strings
    }

    private init(strings: InterfaceStrings?) {
        self.strings = strings
    }

    func digestTitle(site: String) -> String {
        strings?.text(InterfaceKey.feedDigestTitle, ["site": site]) ?? "\(site): daily digest"
    }

    func digestDescription(site: String) -> String {
        strings?.text(InterfaceKey.feedDigestDescription, ["site": site]) ?? "One item per day listing the papers of \(site)."
    }

    /// `Papers of November 20, 2026 (3 papers)`
    func digestItem(_ day: Day, count: Int) -> String {
        guard let strings else { return "Papers of \(day.longName) (\(CountLabel.papers(count)))" }
        return strings.text(InterfaceKey.feedDigestItem, ["date": strings.dates.long(day),
                                                          "papers": strings.count(InterfaceKey.papers, count)])
    }

    /// A tag's feed: its title and description.
    public func tagFeed(site: String, tag: String) -> (title: String, description: String) {
        guard let strings else { return ("\(site): \(tag)", "Papers tagged \(tag) on \(site).") }
        return (strings.text(InterfaceKey.feedTagTitle, ["site": site, "tag": tag]),
                strings.text(InterfaceKey.feedTagDescription, ["site": site, "tag": tag]))
    }

    func upvotes(_ count: Int) -> String {
        strings?.count(InterfaceKey.feedUpvotes, count) ?? "\(count) upvotes"
    }

    /// The label of an item's arXiv, PDF or code link.
    func link(_ kind: String) -> String {
        strings?.text("feed." + kind) ?? ["arxiv": "arXiv", "pdf": "PDF", "code": "Code"][kind] ?? kind
    }

    /// "Ada Lovelace, Alan Turing", or "6 authors" when only the count is known.
    func authors(_ item: PaperView) -> String? {
        strings.map { LocalizedPaper(item, strings: $0).authorsLine } ?? item.authorsLine
    }

    /// The first authors then "et al.", or the count.
    func authorsShort(_ item: PaperView) -> String? {
        strings.map { LocalizedPaper(item, strings: $0).authorsShort } ?? item.authorsShort
    }
}
