import DaybookContent
import DaybookRender
import DaybookSystem

/// A build with the persistent build cache: a folder (`.daybook-cache/build` in the CLI) that
/// holds one `BuildManifest` per output folder. Safe to delete; never trusted when it does not
/// match what is on disk.
///
/// 1. When the inputs' hash (`BuildInputs`) equals the last build's, nothing is loaded, rendered
///    or written: the last warnings are repeated.
/// 2. Otherwise the content is loaded and indexed as usual, and every page and feed gets a key
///    (`PageKeys`); one whose key is as recorded is not rendered (`PagePlan`, which the preview
///    uses the same way).
/// 3. The writer skips files whose bytes hash as recorded, without reading the old output.
///
/// The output folder is Daybook's, as in Hugo and Zola: the cache trusts that what it wrote there
/// is still there, after a cheap check (`BuildManifest.outputLooksIntact`). A page edited by hand
/// in the output stays until a build renders it again or runs with `--ignore-cache`. The output equals
/// a build without the cache byte for byte; a failed build changes neither the output folder nor
/// (unless it failed while moving files into place) the cache.
struct CachedBuild {
    let builder: SiteBuilder
    /// The cache folder.
    let directory: String

    var options: BuildOptions { builder.options }

    func run() throws(BuildError) -> BuildReport {
        var report = BuildReport()
        var clock = StageClock()
        let started = FileStamp.now()
        // Read on another core from when the inputs show a change (at once without a last
        // build to compare with), while they are stamped: a build with nothing to do never reads
        // it (at 100,000 papers, 180 MB decoded on every core while the walk ran).
        let directory = self.directory, read = options.trustCache
        var contentCache: BackgroundWork<ContentCache>?
        func startContentCache() {
            if contentCache == nil { contentCache = BackgroundWork { ContentCache(folder: directory, read: read) } }
        }
        let (config, theme) = try builder.loadConfigAndTheme()
        let output = options.resolve(options.output ?? config.output)
        var writer = OutputWriter(outputDirectory: output)
        writer.progress = options.progress
        let manifestPath = self.manifestPath(for: writer.outputDirectory)
        // Trusted only for its own output folder, when no write was cut short there and the
        // folder still looks as that build left it.
        // The header is enough to tell that nothing changed; the file entries are read only if not.
        let bytes = options.trustCache ? FileIO.read(manifestPath) : nil
        let header = bytes.flatMap { BuildManifest(decoding: $0, filesToo: false) }.flatMap {
            $0.output == writer.outputDirectory && !writer.isInterrupted && FileIO.isDirectory(writer.outputDirectory)
                && $0.outputLooksIntact() ? $0 : nil
        }
        if header == nil { startContentCache() }
        var inputs = BuildInputs.fingerprint(options: options, config: config, theme: theme, output: writer.outputDirectory,
                                             noticingChangesSince: header.map { $0.started - BuildInputs.racyMargin },
                                             notice: startContentCache)
        report.outputDirectory = output
        if let header, header.inputs == inputs.hash, inputs.isSettled(before: header.started) {
            clock.lap("check", into: &report)
            report.warnings = header.warnings
            report.files = header.fileCount
            report.write = OutputWriter.Report(written: 0, unchanged: header.fileCount, removed: 0)
            report.cache = BuildReport.CacheSavings(upToDate: true, pagesKept: header.pageCount)
            return report
        }
        startContentCache()
        let content = contentCache!.take()
        // The last manifest's entries and the search cache are decoded on other cores while the
        // content loads (not while the content cache decodes: the build waits for that one), and
        // are waited for only when the first output is staged and when the search index is made.
        let manifestWork = header == nil ? nil : bytes.map { bytes in BackgroundWork { BuildManifest(decoding: bytes) } }
        let searchWork = read ? BackgroundWork { SearchCache.read(folder: directory) } : nil
        clock.lap("config", into: &report)

        let staged: StagedOutput
        do {
            staged = try writer.stage(previous: { manifestWork?.take() }, records: true)
        } catch {
            throw BuildError(message: error.description)
        }
        // The walk's listing goes to the build with the cache's use, which lets it go once the
        // content is loaded.
        let use = content.use(stamps: inputs.contentStamps, listing: inputs.contentListing, started: started)
        inputs.contentStamps = [:]
        inputs.contentListing = nil
        var result: SiteBuilder.Result
        do {
            result = try builder.render(config: config, theme: theme, into: staged, clock: &clock, report: report,
                                        reuse: PageReuse(recorded: {
                                            let files = staged.previous?.files
                                            return { files?[$0]?.key }
                                        }),
                                        cache: consume use, search: searchWork)
        } catch {
            staged.discard()
            throw error
        }
        let start = ContinuousClock.now
        // The content cache describes content files, not the output: what it keeps was written
        // beside it while the pages were made, and goes in place whether or not the output is
        // committed; the search cache (which goes with the output's manifest) is saved while the
        // manifest is made.
        let contentSave = result.content
        var recording: OutputWriter.Recording
        var files: [String: BuildManifest.Entry]
        do {
            // A manifest that outlived the files it describes would be trusted next time: if it
            // cannot be removed, nothing is moved into place.
            let invalidate: @Sendable () -> String? = {
                // Nothing there (not even a folder to hold it, say `.daybook-cache` is a file): nothing to drop.
                guard FileIO.exists(manifestPath) else { return nil }
                do throws(FileIO.Failure) {
                    try FileIO.remove(manifestPath)
                    return nil
                } catch {
                    return "\(error.description) (the build cache's record of the output folder, which must go before the folder changes)"
                }
            }
            var written = try writer.commit(staged, recording: OutputWriter.Recording(
                previous: staged.previous, kept: result.kept, beforeCommit: invalidate))
            result.report.write = written.report
            // The entries are taken out of the recording, so setting their keys does not copy them.
            files = written.recording!.entries
            written.recording!.entries = [:]
            recording = written.recording!
        } catch {
            contentSave?.take().commit()
            throw BuildError(message: error.description)
        }
        let searchSave = result.search.map { search in BackgroundWork { SearchCache.save(search.take(), folder: directory) } }
        for (path, key) in zip(result.pageKeys.paths, result.pageKeys.keys) { files[path]?.key = key }
        let manifest = BuildManifest(output: writer.outputDirectory, inputs: inputs.hash, started: started,
                                     warnings: result.report.warnings, files: files, paths: recording.paths)
        ContentCache.write(manifest.encoded(), to: manifestPath)
        contentSave?.take().commit()
        searchSave?.take()
        result.report.stages.append(.init(name: "write", seconds: start.duration(to: .now).seconds))
        var savings = result.report.cache ?? BuildReport.CacheSavings(upToDate: false, pagesKept: 0)
        savings.pagesKept = result.report.pages - result.report.pagesRendered
        result.report.cache = savings
        let done = result.report
        BackgroundRelease.free((consume result, consume files, consume manifest, consume recording, content, staged))
        return done
    }

    /// One manifest per output folder, named by a hash of its path.
    func manifestPath(for output: String) -> String {
        directory + "/" + String(XXH64.hash(output), radix: 16) + ".manifest"
    }

}
