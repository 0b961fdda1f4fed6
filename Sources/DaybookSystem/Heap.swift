import CMalloc

/// The process's heap, as glibc's allocator keeps it.
///
/// glibc keeps the memory a program frees for its next allocations, so a process's resident size
/// stays at its high-water mark even after it lets go of a large structure. A build that drops one
/// (the cards: 75 MB at 100,000 papers) and then allocates differently (the write's manifest and
/// cache files) would otherwise hold both at once.
package enum Heap {
    /// Gives the heap's whole free pages back to the system (`malloc_trim(0)`, every arena): the
    /// resident size falls to what is in use. Costs a walk of the free lists (milliseconds).
    package static func releaseFreePages() {
        _ = malloc_trim(0)
    }
}
