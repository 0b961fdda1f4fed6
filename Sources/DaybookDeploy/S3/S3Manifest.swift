import Foundation

/// The object an S3 deploy keeps next to the site (`<prefix>.daybook-manifest.json`): for every
/// file it put there, the ETag and the headers it sent. A listing gives ETags but not headers;
/// the manifest tells whether a file's Content-Type and Cache-Control are still the wanted ones.
/// An entry counts only while its ETag matches the listing's, so files changed by other tools
/// are caught.
struct S3Manifest: Sendable, Equatable, Codable {
    var version = 1
    var files: [String: RecordedFile] = [:]

    init(files: [String: RecordedFile] = [:]) {
        self.files = files
    }

    init(json: [UInt8]) throws(DeployError) {
        do {
            self = try JSONDecoder().decode(S3Manifest.self, from: Data(json))
        } catch {
            throw DeployError("the deploy manifest is not valid JSON: \(error)")
        }
        guard version == 1 else { throw DeployError("the deploy manifest has version \(version); this daybook reads version 1") }
    }

    func json() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }
}
