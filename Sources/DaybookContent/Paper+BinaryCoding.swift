import DaybookSystem

extension Paper {
    /// Writes every stored field (the build cache keeps parsed records so an unchanged file is not
    /// parsed again). A field added to `Paper` must be written here and read in `init(from:)`:
    /// `ContentCacheTests` round-trips a paper with every field set.
    package func encode(into writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(authors)
        writer.write(authorCount)
        day.encode(into: &writer)
        writer.write(published != nil)
        published?.encode(into: &writer)
        writer.write(upvotes)
        writer.write(tags)
        writer.write(summary)
        writer.write(links.arxiv)
        writer.write(links.pdf)
        writer.write(links.code)
        writer.write(links.project)
        writer.write(links.doi)
        writer.write(stars)
        writer.write(withdrawn != nil)
        withdrawn?.encode(into: &writer)
        writer.write(abstract)
        writer.write(source.path)
        writer.write(source.bodyLine)
    }

    /// Reads what `encode(into:)` wrote.
    package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let id = try reader.readString()
        let title = try reader.readString()
        let authors = try reader.readStrings()
        let authorCount = try reader.readOptionalInt()
        let day = try Day(from: &reader)
        let published = try reader.readBool() ? try Day(from: &reader) : nil
        let upvotes = try reader.readOptionalInt()
        let tags = try reader.readStrings()
        let summary = try reader.readOptionalString()
        let links = PaperLinks(arxiv: try reader.readOptionalString(), pdf: try reader.readOptionalString(),
                               code: try reader.readOptionalString(), project: try reader.readOptionalString(),
                               doi: try reader.readOptionalString())
        let stars = try reader.readOptionalInt()
        let withdrawn = try reader.readBool() ? try Day(from: &reader) : nil
        let abstract = try reader.readString()
        let source = SourceLocation(path: try reader.readString(), bodyLine: try reader.readInt())
        self.init(id: id, title: title, authors: authors, authorCount: authorCount, day: day, published: published,
                  upvotes: upvotes, tags: tags, summary: summary, links: links, stars: stars, withdrawn: withdrawn,
                  abstract: abstract, source: source)
    }
}

extension Day {
    package func encode(into writer: inout BinaryWriter) {
        writer.write(daysSinceEpoch)
    }

    package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        let days = try reader.readInt()
        // Years 1 to 9999, as `Day(year:month:day:)` allows.
        guard (-719_162...2_932_896).contains(days) else { throw BinaryReader.Malformed() }
        self.init(daysSinceEpoch: days)
    }
}
