import DaybookContent
import DaybookSite
import Foundation

/// What the CLI prints, in one place.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func absolute(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        return url.standardized.path
    }

    static func printWarnings(_ warnings: [Diagnostic]) {
        for warning in warnings { error(warning.description) }
    }

    static func printSummary(_ report: BuildReport) {
        if report.cache?.upToDate == true {
            print("Up to date: nothing changed since the last build (\(report.files) files, checked in \(milliseconds(report.totalSeconds)))")
            if !report.outputDirectory.isEmpty { print("Output: \(report.outputDirectory)") }
            return
        }
        let write = report.write.map { ", \($0.written) written, \($0.unchanged) unchanged, \($0.removed) removed" } ?? ""
        print("Built \(report.records) papers over \(report.days) days: \(report.pages) pages, \(report.feedItems) feed items, \(report.files) files\(write)")
        if let cache = report.cache, cache.pagesKept > 0 || cache.recordsReused > 0 || cache.markdownReused > 0 {
            print("Cache: \(cache.recordsReused) content files not parsed again, \(cache.markdownReused) of \(report.records) "
                  + "abstracts not rendered again, \(cache.pagesKept) of \(report.pages) pages unchanged since the last build, not rendered")
        }
        let stages = report.stages.map { "\($0.name) \(milliseconds($0.seconds))" }.joined(separator: ", ")
        print("Time: \(milliseconds(report.totalSeconds)) (\(stages))")
        if !report.outputDirectory.isEmpty { print("Output: \(report.outputDirectory)") }
    }

    static func milliseconds(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.0f ms", seconds * 1000)
    }
}
