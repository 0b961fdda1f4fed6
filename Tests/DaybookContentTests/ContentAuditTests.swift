import DaybookContent
import DaybookTestSupport
import Testing

/// `ContentAudit`: each warning, and the preview's update after papers changed in place, which
/// must give exactly the warnings of a fresh audit.
@Suite struct ContentAuditTests {
    static func paper(_ number: Int, title: String, day: String = "2026-11-20", folder: String = "2026-11-20",
                      published: String? = nil, abstract: String = "Text.") -> Paper {
        let id = String(format: "2411.%05d", number)
        return Paper(id: id, title: title, day: Day(iso: day)!, published: published.flatMap { Day(iso: $0) },
                     abstract: abstract, source: SourceLocation(path: "content/papers/\(folder)/\(id).md", bodyLine: 9))
    }

    static func positions(_ papers: [Paper]) -> [String: RecordPositions] {
        Dictionary(uniqueKeysWithValues: papers.enumerated().map { index, paper in
            (paper.id, RecordPositions(day: (4, 6 + index % 3), title: (2, 8)))
        })
    }

    @Test func warnsAboutEachSuspiciousRecord() {
        let papers = [
            ContentAuditTests.paper(1, title: "Same Title"),
            ContentAuditTests.paper(2, title: "same title"),
            ContentAuditTests.paper(3, title: "Empty", abstract: " \n"),
            ContentAuditTests.paper(4, title: "Early", day: "2026-11-19", folder: "2026-11-19", published: "2026-11-20"),
            ContentAuditTests.paper(5, title: "Moved", day: "2026-11-21"),
        ]
        let warnings = ContentAudit(papers: papers, positions: ContentAuditTests.positions(papers)).warnings.map(\.description)
        #expect(warnings == [
            "content/papers/2026-11-19/2411.00004.md:4:6: warning: featured day 2026-11-19 is before the published date 2026-11-20",
            "content/papers/2026-11-20/2411.00002.md:2:8: warning: same title as '2411.00001' (content/papers/2026-11-20/2411.00001.md)",
            "content/papers/2026-11-20/2411.00003.md:9:1: warning: empty abstract",
            "content/papers/2026-11-20/2411.00005.md:4:7: warning: 'day' is 2026-11-21 but the record is in folder 2026-11-20",
        ])
    }

    /// Seeded random edits (titles from a small set, so they collide and part again; days that
    /// leave or match the folder; emptied abstracts): after each, the updated audit equals a fresh one.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func updatesEqualAFreshAudit(seed: UInt64) {
        var random = SeededGenerator(state: seed)
        let titles = ["Alpha", "alpha", "Beta", "Gamma", "BETA", "Delta"]
        var papers = (0..<24).map { ContentAuditTests.paper($0, title: titles[$0 % titles.count]) }
        let positions = ContentAuditTests.positions(papers)
        var audit = ContentAudit(papers: papers, positions: positions)
        for step in 0..<60 {
            var changed: [Int] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let index = Int.random(in: 0..<papers.count, using: &random)
                let old = papers[index]
                papers[index] = ContentAuditTests.paper(index, title: titles.randomElement(using: &random)!,
                                                        day: ["2026-11-20", "2026-11-21"].randomElement(using: &random)!,
                                                        abstract: Bool.random(using: &random) ? "Text." : "")
                #expect(papers[index].id == old.id)
                changed.append(index)
            }
            audit.update(papers: papers, positions: positions, changed: changed)
            let fresh = ContentAudit(papers: papers, positions: positions)
            #expect(audit.warnings == fresh.warnings, "seed \(seed) step \(step)")
        }
    }
}
