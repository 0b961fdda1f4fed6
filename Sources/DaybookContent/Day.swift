/// A calendar date without time or zone, as papers are featured per day (`2026-11-20`).
///
/// Parsing and formatting avoid Foundation so that loading 100k records stays cheap.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or returns nil when the date does not exist (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` exactly; a leading ISO date-time (`2025-09-08T02:44:20Z`) is accepted
    /// when `allowTime` is true, and its date part is taken as written (UTC).
    public init?(iso text: Substring, allowTime: Bool = false) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10 || (allowTime && bytes.count > 10 && bytes[10] == UInt8(ascii: "T")),
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(iso text: String, allowTime: Bool = false) {
        self.init(iso: Substring(text), allowTime: allowTime)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2026-11-20`
    public var description: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// `2026-11`
    public var monthKey: String { pad(year, 4) + "-" + pad(month, 2) }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `count` days after this one (before, when negative).
    public func adding(days count: Int) -> Day {
        Day(daysSinceEpoch: daysSinceEpoch + count)
    }

    public init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The ISO 8601 week: its year and number, as in `2026-W47`.
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday)
        let jan1 = Day(year: thursday.year, month: 1, day: 1)!
        let week = (thursday.daysSinceEpoch - jan1.daysSinceEpoch) / 7 + 1
        return (thursday.year, week)
    }

    /// `2026-W47`
    public var weekKey: String {
        let week = isoWeek
        return pad(week.year, 4) + "-W" + pad(week.week, 2)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// RFC 822 names, fixed by the standard whatever the site's language.
    private static let rfc822Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let rfc822Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// `November 20, 2026`, in English (`DayFormat.english`); pages use the theme's language.
    public var longName: String { DayFormat.english.long(self) }

    /// `Nov 20, 2026`, in English.
    public var shortName: String { DayFormat.english.short(self) }

    /// `November 2026`, in English.
    public var monthName: String { DayFormat.english.month(self) }

    /// RFC 822 date at midnight UTC, as RSS wants: `Fri, 20 Nov 2026 00:00:00 +0000`.
    public var rfc822: String {
        "\(Day.rfc822Weekdays[weekday - 1]), \(pad(day, 2)) \(Day.rfc822Months[month - 1]) \(pad(year, 4)) 00:00:00 +0000"
    }

    /// RFC 3339 date-time at midnight UTC, as Atom and JSON Feed want.
    public var rfc3339: String { description + "T00:00:00Z" }
}

@inline(__always)
private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
