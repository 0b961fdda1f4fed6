import Foundation
import Testing
@testable import DaybookContent

/// Interface strings files (`i18n/<language>.yml`): values, count forms, dates, and every error.
@Suite struct InterfaceStringsLoaderTests {
    static let dates = """
        date:
          months: [一月, 二月, 三月, 四月, 五月, 六月, 七月, 八月, 九月, 十月, 十一月, 十二月]
          months_short: [1月, 2月, 3月, 4月, 5月, 6月, 7月, 8月, 9月, 10月, 11月, 12月]
          long: "{year}年{month_number}月{day}日"
          short: "{year}年{month_number}月{day}日"
          day_month: "{month_number}月{day}日"
          month: "{year}年{month_number}月"
          week: "{week_year}年第{week}周（{start}–{end_day_month}）"

        """

    static let themeRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes/default/i18n").path

    func load(_ files: [String: String], required: [String] = [],
              order: [String]? = nil) throws(ContentError) -> InterfaceStrings {
        let site = try! TemporarySite(files)
        defer { site.remove() }
        let names = order ?? files.keys.sorted()
        return try InterfaceStringsLoader.load(language: "zh", files: names.map { (site.root + "/" + $0, $0) },
                                               required: required.map { InterfaceStringsLoader.Requirement($0) })
    }

    @Test func readsNestedKeysCountFormsAndDates() throws {
        let strings = try load(["zh.yml": Self.dates + """
            day:
              title: "{date}的论文 · {site}"
            count:
              papers: "{count} 篇论文"
              days: {one: "1 day", other: "{count} days"}
            """], required: ["day.title", "count.papers"])
        #expect(strings.text("day.title", ["date": "2026年11月20日", "site": "每日论文"]) == "2026年11月20日的论文 · 每日论文")
        #expect(strings.count("count.papers", 1) == "1 篇论文")
        #expect(strings.count("count.days", 1) == "1 day")
        #expect(strings.count("count.days", 0) == "0 days")
        #expect(strings.namespaces.contains("day") && strings.namespaces.contains("count"))
        let day = Day(iso: "2026-11-20")!
        #expect(strings.dates.long(day) == "2026年11月20日")
        #expect(strings.dates.month(day) == "2026年11月")
        #expect(strings.dates.week(day) == "2026年第47周（11月16日–11月22日）")
    }

    @Test func aMissingKeyNamesTheKeyTheFileAndWhoReadsIt() {
        let lines = errorLines { () throws(ContentError) in
            let site = try! TemporarySite(["i18n/zh.yml": Self.dates + "day:\n  heading: x\n"])
            defer { site.remove() }
            _ = try InterfaceStringsLoader.load(language: "zh", files: [(site.root + "/i18n/zh.yml", "Themes/t/i18n/zh.yml")],
                                                required: [.init("day.title"), .init("nav.latest", reader: "layout.mustache")])
        }
        #expect(lines == ["Themes/t/i18n/zh.yml: missing key 'day.title'",
                          "Themes/t/i18n/zh.yml: missing key 'nav.latest' (used by layout.mustache)"])
    }

    @Test func aLaterFileOverridesSingleKeys() throws {
        let strings = try load(["a.yml": Self.dates + "nav:\n  latest: 最新\n  archive: 归档\n", "b.yml": "nav:\n  latest: 最近\n"],
                               required: ["nav.latest", "nav.archive"], order: ["a.yml", "b.yml"])
        #expect(strings.text("nav.latest") == "最近")
        #expect(strings.text("nav.archive") == "归档")
    }

    @Test func badValuesArePositioned() {
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": "day:\n  title:\n"]) }
                == ["zh.yml:2:9: 'day.title' must be text, got nothing"])
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": "day:\n  title: a\n  title: b\n"]) }
                == ["zh.yml:3:3: duplicate key 'day.title'"])
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": "- a\n"]) }
                == ["zh.yml:1:1: interface strings must be a mapping of keys, got a list"])
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": Self.dates + "day:\n  title: {a: b}\n"], required: ["day.title"]) }
                == ["zh.yml:10:10: 'day.title' must be text, got a list or a mapping"])
        let short = Self.dates.replacingOccurrences(of: ", 十二月]", with: "]")
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": short]) }
                == ["zh.yml:2:11: 'date.months' must list 12 names, January first, got 11"])
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": "day: [unclosed\n"]) }.first?.hasPrefix("zh.yml:2:1: invalid YAML") == true)
    }

    @Test func theDateSectionIsRequired() {
        #expect(errorLines { () throws(ContentError) in _ = try load(["zh.yml": "day:\n  title: x\n"]) } == [
            "zh.yml: missing key 'date.day_month'", "zh.yml: missing key 'date.long'", "zh.yml: missing key 'date.month'",
            "zh.yml: missing key 'date.months'", "zh.yml: missing key 'date.months_short'", "zh.yml: missing key 'date.short'",
            "zh.yml: missing key 'date.week'",
        ])
    }

    /// The English the code writes outside a theme (`Day.longName`) is what the theme's `en.yml` says.
    @Test func theShippedEnglishDatesMatchTheBuiltInOnes() throws {
        let strings = try InterfaceStringsLoader.load(language: "en", files: [(Self.themeRoot + "/en.yml", "en.yml")], required: [])
        #expect(strings.dates == DayFormat.english)
    }

    @Test func placeholdersFillAndSplit() {
        #expect(PlaceholderText.fill("{a} and {b}", ["a": "1"]) == "1 and {b}")
        #expect(PlaceholderText.fill("no { close", ["close": "x"]) == "no { close")
        #expect(PlaceholderText.parts("Browse the {archive} or the {tags} instead.") == ("Browse the ", " or the ", " instead."))
        #expect(PlaceholderText.parts("Papers of {date}") == ("Papers of ", "", ""))
        #expect(PlaceholderText.parts("plain") == ("plain", "", ""))
    }
}
