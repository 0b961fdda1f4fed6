import DaybookLibrary

/// One page of a week's or month's ranked list split by `per_page`, and the links a reader expects
/// between pages. (Tags page differently, from their oldest papers: `TagPaging`.)
public struct Pagination: RenderObject, Sendable, OptionalTemplateNames {
    /// The first page has no previous page, the last no next.
    public static let optionalNames: Set<String> = ["previousURL", "nextURL"]

    /// 1-based.
    public let number: Int
    public let count: Int
    /// URL of each page, first page first.
    public let urls: [String]
    /// The range of list items on this page.
    public let range: Range<Int>

    /// Splits `total` items into pages of `perPage` (at least one page, even for no items).
    public init(number: Int, total: Int, perPage: Int, first: String, routes: Routes) {
        let size = max(1, perPage)
        let count = max(1, (total + size - 1) / size)
        self.init(number: number, total: total, size: size, urls: (1...count).map { routes.page($0, of: first) })
    }

    /// Page `number` of a list whose pages are at `urls` (all pages share the array).
    init(number: Int, total: Int, size: Int, urls: [String]) {
        self.number = number
        self.count = urls.count
        self.urls = urls
        let lower = min(total, (number - 1) * size)
        self.range = lower..<min(total, lower + size)
    }

    /// Every page of a list of `total` items. The page URLs are made once and shared, so a tag
    /// with thousands of pages costs linear time, not quadratic.
    public static func pages(total: Int, perPage: Int, first: String, routes: Routes) -> [Pagination] {
        let first = Pagination(number: 1, total: total, perPage: perPage, first: first, routes: routes)
        return (1...first.count).map { Pagination(number: $0, total: total, size: max(1, perPage), urls: first.urls) }
    }

    public var url: String { urls[number - 1] }

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .number: .int(number)
        case .count: .int(count)
        case .isPaged: .bool(count > 1)
        case .previousURL: number > 1 ? .string(urls[number - 2]) : .none
        case .nextURL: number < count ? .string(urls[number]) : .none
        case .pages: .list(urls.enumerated().map { PageLink(number: $0.offset + 1, url: $0.element, current: $0.offset + 1 == number) })
        case .first: .int(range.isEmpty ? 0 : range.lowerBound + 1)
        case .last: .int(range.upperBound)
        default: .none
        }
    }
}

/// A numbered link in a pager.
public struct PageLink: RenderObject, Sendable {
    public let number: Int
    public let url: String
    public let current: Bool

    public func value(_ name: ContextName) -> RenderValue {
        switch name.key {
        case .number: .int(number)
        case .url: .string(url)
        case .current: .bool(current)
        default: .none
        }
    }
}
