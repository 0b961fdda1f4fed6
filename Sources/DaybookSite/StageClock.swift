/// Times consecutive stages.
package struct StageClock {
    private var last = ContinuousClock.now

    package init() {}

    /// Records the time since the last lap (plus `adding`, time set aside for this stage) as stage `name`.
    package mutating func lap(_ name: String, into report: inout BuildReport, adding: Duration = .zero) {
        let now = ContinuousClock.now
        report.stages.append(.init(name: name, seconds: (last.duration(to: now) + adding).seconds))
        last = now
    }

    /// Leaves `time`, just spent on a later stage's work, out of the next lap (that stage's lap
    /// adds it back).
    package mutating func setAside(_ time: Duration) {
        last = last.advanced(by: time)
    }
}
