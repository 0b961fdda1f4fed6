import DaybookSystem

/// What one content file parsed to, with the stamp the file had just before it was read: the
/// build cache keeps these so that a file with the same stamp next time is not parsed again.
package struct ParsedContentFile: Sendable {
    package enum Content: Sendable {
        /// A `.md` record.
        case record(PaperRecordParser.Record)
        /// The papers of a Hugging Face JSON file.
        case imported([Paper])
    }

    /// nil when the build did not stamp the file (nothing to keep).
    package var stamp: FileStamp?
    package var content: Content

    package init(stamp: FileStamp?, content: Content) {
        self.stamp = stamp
        self.content = content
    }
}

/// What a load may reuse: every content file's stamp now and what files parsed to before. A
/// file is reused when its stamp is the one it had then.
package struct ContentReuse: Sendable {
    /// Every content file's stamp, by display path (`content/…`), when there is no `listing`.
    package var stamps: [String: FileStamp]
    /// What the file at a display path parsed to before, if anything (looked up per file, so
    /// the cache's records are not copied into one table first).
    package var parsed: @Sendable (String) -> ParsedContentFile?
    /// Every file below the content folder, relative to it and sorted, with its stamp, as a walk
    /// that met only folders and regular files listed them (`FileStamp.scan`); nil: the loader
    /// walks the folder and takes stamps from `stamps`.
    package var listing: [(path: String, stamp: FileStamp)]?

    package init(stamps: [String: FileStamp], listing: [(path: String, stamp: FileStamp)]? = nil,
                 parsed: @escaping @Sendable (String) -> ParsedContentFile?) {
        self.stamps = stamps
        self.listing = listing
        self.parsed = parsed
    }
}
