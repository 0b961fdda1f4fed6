/// How a language writes dates: month names and patterns, read from the `date` section of a
/// theme's `i18n/<language>.yml` (see `InterfaceStringsLoader`).
///
/// Day patterns fill `{year}`, `{month}` (the month's name), `{month_short}`, `{month_number}`
/// and `{day}`; the week pattern fills `{week}`, `{week_year}` (ISO 8601), `{start}` (the
/// Monday, by `dayMonth`), `{end}` (the Sunday, by `short`) and `{end_day_month}` (the Sunday,
/// by `dayMonth`).
public struct DayFormat: Sendable, Equatable {
    /// January … December.
    public var months: [String]
    public var monthsShort: [String]
    /// `November 20, 2026`
    public var long: String
    /// `Nov 20, 2026`
    public var short: String
    /// `Nov 16`
    public var dayMonth: String
    /// `November 2026`
    public var month: String
    /// `Week 47, 2026: Nov 16 – Nov 22, 2026`
    public var week: String

    public init(months: [String], monthsShort: [String], long: String, short: String, dayMonth: String,
                month: String, week: String) {
        self.months = months
        self.monthsShort = monthsShort
        self.long = long
        self.short = short
        self.dayMonth = dayMonth
        self.month = month
        self.week = week
    }

    /// The keys of the `date` section, with what each holds.
    public static let patternKeys = ["long", "short", "day_month", "month", "week"]
    public static let listKeys = ["months", "months_short"]

    /// English, for text made outside a theme (`Day.longName`, messages). Pages and feeds use the
    /// theme's `date` section, which for `en` says the same.
    public static let english = DayFormat(
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                 "October", "November", "December"],
        monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        long: "{month} {day}, {year}", short: "{month_short} {day}, {year}", dayMonth: "{month_short} {day}",
        month: "{month} {year}", week: "Week {week}, {week_year}: {start} – {end}")

    public func long(_ day: Day) -> String { fill(long, day) }
    public func short(_ day: Day) -> String { fill(short, day) }
    public func dayMonth(_ day: Day) -> String { fill(dayMonth, day) }
    public func month(_ day: Day) -> String { fill(month, day) }

    /// The ISO week holding `day`, with its Monday and Sunday.
    public func week(_ day: Day) -> String {
        let week = day.isoWeek
        let monday = day.adding(days: 1 - day.weekday), sunday = monday.adding(days: 6)
        return PlaceholderText.fill(self.week, ["week": String(week.week), "week_year": String(week.year),
                                                "start": dayMonth(monday), "end": short(sunday),
                                                "end_day_month": dayMonth(sunday)])
    }

    private func fill(_ pattern: String, _ day: Day) -> String {
        PlaceholderText.fill(pattern, ["year": String(day.year), "month": months[day.month - 1],
                                       "month_short": monthsShort[day.month - 1], "month_number": String(day.month),
                                       "day": String(day.day)])
    }
}
