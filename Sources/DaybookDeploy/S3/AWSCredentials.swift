/// An AWS access key. Its `description` names only where it came from: the secret and the
/// session token are never printed, logged or put in an error message.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?
    /// Where the key came from, for messages: `environment (AWS_ACCESS_KEY_ID)`,
    /// `profile 'default' in ~/.aws/credentials`.
    public var source: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, source: String = "given") {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.source = source
    }

    public var description: String { "AWS credentials from \(source)" }
    public var debugDescription: String { description }
}
