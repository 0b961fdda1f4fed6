import DaybookContent

/// The library grouped by ISO week and by month, for archive, week and month pages.
///
/// Built once per build from `Library.papersByDay`. Orders are fixed: periods newest first, days
/// within a period newest first, papers within a period ranked like a day (upvotes, title, id).
public struct ArchiveIndex: Sendable {
    /// A week (`2026-W47`) or a month (`2026-11`) and what it holds.
    public struct Period: Sendable {
        public let key: String
        /// In English (`DayFormat.english`); pages label a period in the site's language.
        public let label: String
        /// Featured days in the period, newest first.
        public let days: [Day]
        /// Paper indices into `Library.papers`, ranked.
        public let papers: [Int]
    }

    /// Weeks, newest first.
    public let weeks: [Period]
    /// Months, newest first.
    public let months: [Period]
    /// Position of a week or month in its list, by key.
    public let weekPosition: [String: Int]
    public let monthPosition: [String: Int]

    public init(library: Library) {
        let rank = Library.ranking(library.papers)
        func group(_ key: (Day) -> String, _ label: (Day) -> String) -> [Period] {
            var periods: [Period] = []
            var days: [Day] = []
            var current: String?
            func flush() {
                guard let current, let first = days.first else { return }
                let papers = days.flatMap { library.papersByDay[$0] ?? [] }.sorted(by: rank)
                periods.append(Period(key: current, label: label(first), days: days, papers: papers))
            }
            for day in library.days {  // newest first, so each period's days are contiguous
                let k = key(day)
                if k != current {
                    flush()
                    current = k
                    days = []
                }
                days.append(day)
            }
            flush()
            return periods
        }
        weeks = group({ $0.weekKey }, { ArchiveIndex.weekLabel($0) })
        months = group({ $0.monthKey }, { $0.monthName })
        weekPosition = Dictionary(uniqueKeysWithValues: weeks.enumerated().map { ($1.key, $0) })
        monthPosition = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1.key, $0) })
    }

    init(weeks: [Period], months: [Period], weekPosition: [String: Int], monthPosition: [String: Int]) {
        self.weeks = weeks
        self.months = months
        self.weekPosition = weekPosition
        self.monthPosition = monthPosition
    }

    /// The index for `library`, made from this one (built for `previous`) by ranking again only
    /// the periods that hold `touchedDays`, when both libraries have the same days.
    public func updating(from previous: Library, to library: Library, touchedDays: Set<Day>) -> ArchiveIndex {
        guard previous.days == library.days else { return ArchiveIndex(library: library) }
        let rank = Library.ranking(library.papers)
        func update(_ periods: [Period], _ positions: [String: Int], _ key: (Day) -> String) -> [Period] {
            var periods = periods
            for position in Set(touchedDays.compactMap { positions[key($0)] }) {
                let period = periods[position]
                let papers = period.days.flatMap { library.papersByDay[$0] ?? [] }.sorted(by: rank)
                periods[position] = Period(key: period.key, label: period.label, days: period.days, papers: papers)
            }
            return periods
        }
        return ArchiveIndex(weeks: update(weeks, weekPosition, { $0.weekKey }),
                            months: update(months, monthPosition, { $0.monthKey }),
                            weekPosition: weekPosition, monthPosition: monthPosition)
    }

    /// `Week 47, 2026: Nov 16 – Nov 22, 2026`
    static func weekLabel(_ day: Day) -> String {
        DayFormat.english.week(day)
    }
}
