/// The interface-string keys Daybook's own code reads (titles, descriptions, count words, text
/// with values filled in); every language file of a theme must have each. Keys only templates
/// read (`{{i18n.nav.archive}}`) are found in the templates by `ThemeLoader`.
enum InterfaceKey {
    static let papers = "count.papers"
    static let days = "count.days"
    static let tags = "count.tags"
    static let authors = "count.authors"
    static let pages = "count.pages"
    static let authorsEtAl = "paper.authors_et_al"
    static let paperTitle = "paper.title"
    static let paged = "page.paged"
    static let pagePosition = "pager.position"
    static let digestFeedLink = "feed.digest_link"
    static let homeLede = "home.lede"
    static let dayTitle = "day.title"
    static let dayDescription = "day.description"
    static let dayLede = "day.lede"
    static let notFoundTitle = "not_found.title"
    static let notFoundDescription = "not_found.description"
    static let archiveTitle = "archive.title"
    static let archiveDescription = "archive.description"
    static let archiveLede = "archive.lede"
    static let periodTitle = "period.title"
    static let periodDescription = "period.description"
    static let tagsTitle = "tags.title"
    static let tagsDescription = "tags.description"
    static let tagsLede = "tags.lede"
    static let tagTitle = "tag.title"
    static let tagDescription = "tag.description"
    static let tagLede = "tag.lede"
    static let tagLedeHead = "tag.lede_head"
    static let tagPaged = "tag.paged"
    static let tagPageDescription = "tag.page_description"
    static let tagLedePage = "tag.lede_page"
    static let tagPageLabel = "tag.page_label"
    static let tagDates = "tag.dates"
    static let tagFeedTitle = "tag.feed_title"
    static let searchTitle = "search.title"
    static let searchDescription = "search.description"
    static let searchLabel = "search.label"
    /// What the search script says as it runs, handed to it by the search page (`data-text`).
    static let searchScript = ["too_short", "searching", "failed", "none", "partial", "matches", "corrected", "keep_typing",
                               "fewer_words", "tex_failed"].map { "search.script." + $0 }
    static let feedDigestTitle = "feed.digest_title"
    static let feedDigestDescription = "feed.digest_description"
    static let feedDigestItem = "feed.digest_item"
    static let feedTagTitle = "feed.tag_title"
    static let feedTagDescription = "feed.tag_description"
    static let feedUpvotes = "feed.upvotes"
    static let feedLinks = ["feed.arxiv", "feed.pdf", "feed.code"]

    /// `period.week.heading`, … : the texts that differ between week and month pages.
    static func period(_ kind: String, _ name: String) -> String { "period.\(kind).\(name)" }
    static let periodTexts = ["heading", "lede", "lede_paged", "nav_label", "days_heading"]

    static let all: [String] = [
        papers, days, tags, authors, pages, authorsEtAl, paperTitle, paged, pagePosition, digestFeedLink, homeLede,
        dayTitle, dayDescription, dayLede, notFoundTitle, notFoundDescription, archiveTitle, archiveDescription,
        archiveLede, periodTitle, periodDescription, tagsTitle, tagsDescription, tagsLede, tagTitle, tagDescription,
        tagLede, tagLedeHead, tagPaged, tagPageDescription, tagLedePage, tagPageLabel, tagDates, tagFeedTitle, searchTitle, searchDescription, searchLabel, feedDigestTitle,
        feedDigestDescription, feedDigestItem, feedTagTitle, feedTagDescription, feedUpvotes,
    ] + feedLinks + searchScript + ["week", "month"].flatMap { kind in periodTexts.map { period(kind, $0) } }
}
