extension FileStamp {
    /// Writes the stamp for the build's caches (`BinaryWriter`).
    package func encode(into writer: inout BinaryWriter) {
        writer.write(size)
        writer.write(modified)
        writer.write(changed)
        writer.write(inode)
    }

    /// Reads what `encode(into:)` wrote.
    package init(from reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init(size: try reader.readInt(), modified: try reader.readInt(), changed: try reader.readInt(),
                  inode: try reader.readUInt64())
    }
}
