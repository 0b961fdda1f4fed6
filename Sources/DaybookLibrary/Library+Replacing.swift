import DaybookContent

extension Library {
    /// The library with some papers replaced by new versions of the same id: what
    /// `Library(papers:)` would make from the edited list, in time proportional to the days and
    /// tags the edited papers belong to rather than to the whole library.
    ///
    /// `replacements` maps an index into `papers` to the paper's new version (same id).
    public func replacing(_ replacements: [Int: Paper]) -> Library {
        guard !replacements.isEmpty else { return self }
        var papers = self.papers
        for (index, paper) in replacements {
            precondition(paper.id == papers[index].id, "replacing(_:) keeps ids")
            papers[index] = paper
        }
        let rank = Library.ranking(papers)
        let edited = Set(replacements.keys)

        // Days: drop the edited papers from their old days, then rank each touched day again.
        var byDay = papersByDay
        var touchedDays = Set<Day>()
        for index in edited {
            touchedDays.insert(self.papers[index].day)
            touchedDays.insert(papers[index].day)
        }
        for day in touchedDays {
            var list = (byDay[day] ?? []).filter { !edited.contains($0) }
            list += edited.filter { papers[$0].day == day }
            byDay[day] = list.isEmpty ? nil : list.sorted(by: rank)
        }
        let days = byDay.count == papersByDay.count && touchedDays.allSatisfy({ papersByDay[$0] != nil })
            ? self.days : byDay.keys.sorted(by: >)

        // Tags: the same for every tag an edited paper had or has.
        var touchedSlugs = Set<String>()
        for index in edited {
            for tag in self.papers[index].tags { touchedSlugs.insert(Routes.tagSlug(tag)) }
            for tag in papers[index].tags { touchedSlugs.insert(Routes.tagSlug(tag)) }
        }
        var tags = self.tags
        for slug in touchedSlugs.sorted() {
            let position = Library.position(ofSlug: slug, in: tags)
            var list = position.found ? tags[position.index].papers.filter { !edited.contains($0) } : []
            list += edited.filter { papers[$0].tags.contains { Routes.tagSlug($0) == slug } }
            guard let first = list.min() else {
                if position.found { tags.remove(at: position.index) }
                continue
            }
            let ordered = list.sorted { a, b in
                papers[a].day != papers[b].day ? papers[a].day > papers[b].day : rank(a, b)
            }
            // The name is the spelling of the first paper (by id) that has the tag.
            let name = papers[first].tags.first { Routes.tagSlug($0) == slug }!
            let entry = TagEntry(name: name, slug: slug, papers: ordered)
            if position.found { tags[position.index] = entry } else { tags.insert(entry, at: position.index) }
        }
        return Library(papers: papers, byID: byID, days: days, papersByDay: byDay, tags: tags)
    }

    /// Where `slug` is, or would go, in `tags` (sorted by slug).
    static func position(ofSlug slug: String, in tags: [TagEntry]) -> (index: Int, found: Bool) {
        var low = 0, high = tags.count
        while low < high {
            let middle = (low + high) / 2
            if tags[middle].slug < slug { low = middle + 1 } else { high = middle }
        }
        return (low, low < tags.count && tags[low].slug == slug)
    }
}
