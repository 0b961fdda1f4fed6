import DaybookContent
import DaybookSystem

/// What tells one Daybook from another in stored keys: the format of the keys, Daybook's version
/// and the running executable's stamp (so a rebuilt `daybook` never trusts an older one's output).
package enum DaybookIdentity {
    /// Raised whenever what the build cache records, or how it is keyed, changes.
    package static let cacheFormat = 2

    package static func combine(into hasher: inout StableHasher) {
        hasher.combine(cacheFormat)
        hasher.combine(DaybookVersion.current)
        if let stamp = FileStamp(path: "/proc/self/exe") {
            hasher.combine(true)
            hasher.combine(stamp)
        } else {
            hasher.combine(false)
        }
    }
}
