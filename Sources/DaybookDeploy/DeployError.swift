/// Deploy failed; `message` says what and where (`s3://bucket/prefix`, a file path, a config
/// position) and never contains a secret key or a signature.
public struct DeployError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
