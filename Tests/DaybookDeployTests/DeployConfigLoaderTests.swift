import DaybookContent
@testable import DaybookDeploy
import Testing

@Suite("Deploy configuration")
struct DeployConfigLoaderTests {
    func parse(_ yaml: String) throws(ContentError) -> DeployConfig {
        try DeployConfigLoader().parse(yaml, path: "daybook.yml")
    }

    func expectDiagnostics(_ yaml: String, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            _ = try parse(yaml)
            Issue.record("expected errors: \(expected)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.diagnostics.map(\.description) == expected, sourceLocation: sourceLocation)
        }
    }

    @Test func severalNamedTargetsAreReadInFileOrder() throws {
        let config = try parse("""
            title: Papers
            output: public_html
            deploy:
              production:
                bucket: daybook-site
                region: eu-west-1
                prefix: /papers/
                endpoint: https://account.r2.cloudflarestorage.com
                path_style: true
                profile: daybook
                max_deletes: 500
                concurrency: 16
                cache_control:
                  "assets/**": "public, max-age=31536000, immutable"
                  "**/*.html": "no-cache"
              mirror:
                path: /var/www/papers
            """)
        #expect(config.output == "public_html")
        #expect(config.targets.map(\.name) == ["production", "mirror"])
        #expect(config.target(named: nil)?.name == "production")
        let production = try #require(config.target(named: "production"))
        #expect(production.kind == .s3(.init(endpoint: "https://account.r2.cloudflarestorage.com", region: "eu-west-1",
                                             bucket: "daybook-site", prefix: "/papers/", pathStyle: true, profile: "daybook")))
        #expect(production.maxDeletes == 500 && production.concurrency == 16)
        #expect(production.cacheControl?.cacheControl(forPath: "assets/app.js") == "public, max-age=31536000, immutable")
        #expect(production.cacheControl?.cacheControl(forPath: "papers/x/index.html") == "no-cache")
        #expect(production.cacheControl?.cacheControl(forPath: "feed.xml") == nil)
        #expect(config.target(named: "mirror")?.kind == .directory(path: "/var/www/papers"))
    }

    @Test func aConfigWithoutDeployHasNoTargets() throws {
        let config = try parse("title: Papers\n")
        #expect(config.targets.isEmpty && config.output == nil)
        #expect(config.target(named: nil) == nil)
        #expect(try DeployConfigLoader().load(path: "/nonexistent/daybook.yml") == DeployConfig())
    }

    @Test func s3TargetsDefaultToUSEast1AtTheBucketsRoot() throws {
        let config = try parse("deploy:\n  site:\n    bucket: my-bucket\n")
        #expect(config.targets.first?.kind == .s3(.init(bucket: "my-bucket")))
    }

    @Test func commandLineSettingsWinOverTheTargetsWhichWinOverDefaults() throws {
        let target = DeployTarget(name: "t", kind: .directory(path: "x"), maxDeletes: 10, concurrency: 3)
        #expect(target.options().maxDeletes == 10 && target.options().concurrency == 3)
        #expect(target.options(maxDeletes: 2, concurrency: 5, force: true) == DeployOptions(maxDeletes: 2, force: true, concurrency: 5))
        #expect(DeployTarget(name: "t", kind: .directory(path: "x")).options() == DeployOptions())
    }

    @Test func everyProblemIsReportedWithItsPosition() {
        expectDiagnostics("""
            deploy:
              production:
                bucket: Bad_Bucket
                buckit: typo
                max_deletes: many
                path_style: maybe
              mirror:
                type: ftp
              empty: {}
              mystery:
                path: [a, b]
            """, [
                "daybook.yml:3:13: deploy target 'production': 'bucket' must be a valid bucket name (3–63 characters: a–z, 0–9, '.', '-'), got \"Bad_Bucket\"",
                "daybook.yml:4:5: deploy target 'production': unknown key 'buckit' (known: bucket, cache_control, concurrency, endpoint, max_deletes, path_style, prefix, profile, region, type)",
                "daybook.yml:5:18: deploy target 'production': 'max_deletes' must be a whole number of at least 0, got \"many\"",
                "daybook.yml:6:17: deploy target 'production': 'path_style' must be true or false, got \"maybe\"",
                "daybook.yml:8:11: deploy target 'mirror': 'type' must be s3 or directory, got \"ftp\"",
                "daybook.yml:9:10: deploy target 'empty': give 'bucket' (S3-compatible storage) or 'path' (a folder)",
                "daybook.yml:11:11: deploy target 'mystery': 'path' must be a string",
            ])
        expectDiagnostics("deploy:\n  s3:\n    type: s3\n  dir:\n    type: directory\n    path: \"\"\n", [
            "daybook.yml:3:5: deploy target 's3': 'bucket' is required",
            "daybook.yml:6:11: deploy target 'dir': 'path' must not be empty",
        ])
    }

    @Test func anEndpointMustBeAnHTTPURL() {
        expectDiagnostics("deploy:\n  r2:\n    bucket: site\n    endpoint: s3.example.com\n", [
            "daybook.yml:4:15: deploy target 'r2': 'endpoint' must start with http:// or https://, got \"s3.example.com\"",
        ])
    }

    @Test func deployMustBeAMapping() {
        expectDiagnostics("deploy: production\n", ["daybook.yml:1:9: 'deploy' must be a mapping of target names to settings"])
    }

    @Test func invalidYAMLIsReportedWithItsPosition() {
        expectDiagnostics("deploy:\n  a: [\n", ["daybook.yml:3:1: not valid YAML: did not find expected node content"])
    }

    @Test func commandLineTargetsAreS3URLsOrFolderPaths() throws {
        let s3 = try DeployTarget.fromCommandLine("s3://bucket/papers/2026", region: "eu-west-1", endpoint: "http://127.0.0.1:9000", pathStyle: true)
        #expect(s3.kind == .s3(.init(endpoint: "http://127.0.0.1:9000", region: "eu-west-1", bucket: "bucket", prefix: "/papers/2026", pathStyle: true)))
        #expect(try DeployTarget.fromCommandLine("./public", region: "us-east-1", endpoint: nil, pathStyle: false).kind == .directory(path: "./public"))
        #expect(try DeployTarget.fromCommandLine("/var/www", region: "us-east-1", endpoint: nil, pathStyle: false).kind == .directory(path: "/var/www"))
        #expect(throws: DeployError("no deploy target named 'prod'; for a folder write ./prod, for S3 s3://BUCKET/PREFIX")) {
            try DeployTarget.fromCommandLine("prod", region: "us-east-1", endpoint: nil, pathStyle: false)
        }
        #expect(throws: DeployError("'ftp://host/x': unsupported target; use s3://BUCKET/PREFIX or a folder path")) {
            try DeployTarget.fromCommandLine("ftp://host/x", region: "us-east-1", endpoint: nil, pathStyle: false)
        }
        #expect(throws: DeployError("'s3:///x': no bucket; write s3://BUCKET/PREFIX")) {
            try DeployTarget.fromCommandLine("s3:///x", region: "us-east-1", endpoint: nil, pathStyle: false)
        }
    }
}
