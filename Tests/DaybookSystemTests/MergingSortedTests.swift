import DaybookSystem
import DaybookTestSupport
import Testing

@Suite struct MergingSortedTests {
    @Test func equalsSortingBothTogether() {
        var random = SeededGenerator(seed: 14)
        for _ in 0..<200 {
            let a = (0..<Int.random(in: 0...20, using: &random)).map { _ in Int.random(in: 0...30, using: &random) }.sorted()
            let b = (0..<Int.random(in: 0...20, using: &random)).map { _ in Int.random(in: 0...30, using: &random) }.sorted()
            #expect(a.mergingSorted(b) == (a + b).sorted())
        }
    }

    @Test func emptySidesAndPaths() {
        #expect([Int]().mergingSorted([]) == [])
        #expect([1, 2].mergingSorted([]) == [1, 2])
        #expect([String]().mergingSorted(["a"]) == ["a"])
        #expect(["a/b", "c"].mergingSorted(["a", "b/c", "d"]) == ["a", "a/b", "b/c", "c", "d"])
    }
}
