@testable import DaybookDeploy
import DaybookTestSupport
import Foundation
import Testing

@Suite("AWS credentials")
struct AWSCredentialsLoaderTests {
    /// A home folder holding `~/.aws/credentials`; delete it when done.
    func homeWithCredentialsFile(_ text: String) throws -> String {
        let folder = TemporaryFolder(label: "deploy-tests-home").path
        try FileManager.default.createDirectory(atPath: folder + "/.aws", withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/.aws/credentials"))
        return folder
    }

    let file = """
        # comment
        [default]
        aws_access_key_id = AKIDDEFAULT
        aws_secret_access_key = secret/default+key

        [profile deploy]
        aws_access_key_id=AKIDDEPLOY
        aws_secret_access_key=secret-deploy
        aws_session_token = token
        [broken]
        aws_access_key_id = AKIDBROKEN
        """

    @Test func theEnvironmentComesFirst() throws {
        let loader = AWSCredentialsLoader(environment: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "t"],
                                          homeDirectory: "/nonexistent")
        #expect(try loader.load() == AWSCredentials(accessKeyID: "AKIDENV", secretAccessKey: "s", sessionToken: "t",
                                                    source: "the environment (AWS_ACCESS_KEY_ID)"))
    }

    @Test func theSharedFileGivesTheDefaultProfileOrTheNamedOne() throws {
        do {
            let home = try homeWithCredentialsFile(file)
            defer { try? FileManager.default.removeItem(atPath: home) }
            let loader = AWSCredentialsLoader(environment: [:], homeDirectory: home)
            #expect(try loader.load() == AWSCredentials(accessKeyID: "AKIDDEFAULT", secretAccessKey: "secret/default+key",
                                                        source: "profile 'default' in \(home)/.aws/credentials"))
            #expect(try loader.load(profile: "deploy").sessionToken == "token")
            let byEnvironment = AWSCredentialsLoader(environment: ["AWS_PROFILE": "deploy"], homeDirectory: home)
            #expect(try byEnvironment.load().accessKeyID == "AKIDDEPLOY")
            // A profile named in the config skips the environment's keys.
            let both = AWSCredentialsLoader(environment: ["AWS_ACCESS_KEY_ID": "AKIDENV", "AWS_SECRET_ACCESS_KEY": "s"], homeDirectory: home)
            #expect(try both.load(profile: "deploy").accessKeyID == "AKIDDEPLOY")
        }
    }

    @Test func missingOrIncompleteCredentialsAreClearErrorsWithoutSecrets() throws {
        do {
            let home = try homeWithCredentialsFile(file)
            defer { try? FileManager.default.removeItem(atPath: home) }
            let loader = AWSCredentialsLoader(environment: [:], homeDirectory: home)
            #expect(throws: DeployError("\(home)/.aws/credentials: no profile [nope]")) { try loader.load(profile: "nope") }
            #expect(throws: DeployError("\(home)/.aws/credentials: profile [broken] has no aws_secret_access_key")) {
                try loader.load(profile: "broken")
            }
        }
        #expect(throws: DeployError("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add a [default] section to /nonexistent/.aws/credentials")) {
            try AWSCredentialsLoader(environment: [:], homeDirectory: "/nonexistent").load()
        }
        #expect(throws: DeployError("AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")) {
            try AWSCredentialsLoader(environment: ["AWS_ACCESS_KEY_ID": "AKID"], homeDirectory: "/nonexistent").load()
        }
        #expect(throws: DeployError("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add a [default] section to /tmp/none/creds")) {
            try AWSCredentialsLoader(environment: ["AWS_SHARED_CREDENTIALS_FILE": "/tmp/none/creds"], homeDirectory: "/x").load()
        }
    }
}
