import DaybookSystem
import Glibc
import Testing

@Suite struct HeapTests {
    /// Memory freed below a block still in use stays resident (glibc trims only the heap's top on
    /// its own) until `releaseFreePages` gives its pages back.
    @Test func freedPagesBelowLiveMemoryAreGivenBack() throws {
        let count = 20_000, size = 2_000  // 40 MB in blocks far below glibc's mmap threshold
        let blocks = (0..<count).map { _ in UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16) }
        for block in blocks { block.initializeMemory(as: UInt8.self, repeating: 1, count: size) }
        let pin = UnsafeMutableRawPointer.allocate(byteCount: 64, alignment: 16)
        defer { pin.deallocate() }
        let addresses = blocks.map { UInt(bitPattern: $0) }
        let span = addresses.min()!..<(addresses.max()! + UInt(size))
        for block in blocks { block.deallocate() }

        let before = try #require(residentPages(in: span))
        Heap.releaseFreePages()
        let after = try #require(residentPages(in: span))
        #expect(before.resident > before.total / 2)
        #expect(after.resident < before.resident / 4, "\(before.resident) → \(after.resident) of \(before.total) pages")
    }

    /// How many of the pages spanning `range` are in memory (`mincore`).
    private func residentPages(in range: Range<UInt>) -> (resident: Int, total: Int)? {
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page
        let length = Int(range.upperBound - start)
        let pages = (length + Int(page) - 1) / Int(page)
        var flags = [UInt8](repeating: 0, count: pages)
        guard let address = UnsafeMutableRawPointer(bitPattern: start),
              mincore(address, length, &flags) == 0 else { return nil }
        return (flags.filter { $0 & 1 == 1 }.count, pages)
    }
}
