/// Every name Daybook's template contexts answer (`RenderObject`), so that a context switches on
/// a small enum instead of comparing strings. A template's names are looked up here once, when it
/// is compiled (`ContextName`); a name that is not here has no value in any Daybook context.
public enum ContextKey: String, CaseIterable, Sendable {
    case absoluteFeedURL, absoluteURL, abstractHTML, after, archiveURL, arxivURL, assetsURL, atomFeedURL
    case authorList, authors, authorsShort, authorsShortHTML, baseURL, before, between, bibtex, bodyEnd
    case canonical, cardHTML, codeURL, count, countLabel, current, dates, day, dayCount, dayCountLabel, dayISO
    case dayURL, days, daysFeedTitle, daysFeedURL, description, earlierDays, excerpt, excerptHTML, feed
    case feedURL, feeds, first, hasAbstract, hasLinks, hasMath, hasMoreDays, hasUpvotes, heading, home, i18n
    case id, isPaged, iso, jsonFeedURL, jsonLD, katexScriptURL, katexStyleURL, key, kindText, label
    case language, last, lede, mathAssets, mathScriptURL, month, months, name, newerURL, next, nextURL, noPapers, noun
    case number, olderURL, page, pagePosition, pager, pages, pagination, paper, paperCount, paperCountLabel, papers, pdfURL
    case period, previous, previousURL, projectURL, published, publishedISO, related, scriptText, scriptURL
    case searchEntry, searchIndexURL, searchScriptURL, searchURL, shortLabel, site, stars, startRank, styleURL, summary
    case tag, tagCount, tagCountLabel, tagPages, tags, tagsURL, title, titleHTML, type, upvotes, url, week, weeks
    case withdrawn, withdrawnISO

    /// Each key by its name.
    static let named: [String: ContextKey] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
