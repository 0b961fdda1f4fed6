extension Array where Element: Comparable {
    /// This ascending array and `other` (ascending too) as one ascending array; of two equal
    /// elements, `other`'s comes first.
    package func mergingSorted(_ other: [Element]) -> [Element] {
        var merged: [Element] = []
        merged.reserveCapacity(count + other.count)
        var i = 0, j = 0
        while i < count && j < other.count {
            if self[i] < other[j] {
                merged.append(self[i])
                i += 1
            } else {
                merged.append(other[j])
                j += 1
            }
        }
        merged += self[i...]
        merged += other[j...]
        return merged
    }
}
