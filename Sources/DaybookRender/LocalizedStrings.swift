import DaybookContent

/// The theme's strings in the site's language, shared by reference, with the long label of each
/// of the library's days made once per build: what every `LocalizedPaper` of a build reads, so
/// that a paper costs two references and its day is not formatted again on every page.
final class LocalizedStrings: Sendable {
    let strings: InterfaceStrings
    /// `November 20, 2026` by day.
    private let longDays: [Day: String]

    init(_ strings: InterfaceStrings, days: some Sequence<Day> = []) {
        self.strings = strings
        longDays = Dictionary(days.map { ($0, strings.dates.long($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// `day` in the language's long form (`strings.dates.long`).
    func long(_ day: Day) -> String {
        longDays[day] ?? strings.dates.long(day)
    }
}
