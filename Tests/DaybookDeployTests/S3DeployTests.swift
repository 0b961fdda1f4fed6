@testable import DaybookDeploy
import DaybookHTTP
import Foundation
import Testing

/// Against a real S3-compatible server (moto, checking every signature): see `S3TestServer`.
@Suite("Deploy to S3-compatible storage", .enabled(if: !S3TestServer.isSkipped, "DAYBOOK_SKIP_S3_TESTS=1 is set"))
struct S3DeployTests {
    @Test func theFirstDeployUploadsEverything() async throws {
        try await S3Bed.with { try await DeployScenarios.firstDeployUploadsEverything($0) }
    }

    @Test func aSecondDeployUploadsNothing() async throws {
        try await S3Bed.with { try await DeployScenarios.secondDeployUploadsNothing($0) }
    }

    @Test func editingOnePaperUploadsOnlyTheFilesThatChanged() async throws {
        try await S3Bed.with { try await DeployScenarios.editingOnePaperUploadsOnlyTheChangedFiles($0) }
    }

    @Test func removedPagesAreDeleted() async throws {
        try await S3Bed.with { try await DeployScenarios.removedPagesAreDeleted($0) }
    }

    @Test func moreDeletesThanMaxDeletesAreRefusedUnlessForced() async throws {
        try await S3Bed.with { try await DeployScenarios.tooManyDeletesAreRefusedAndChangeNothing($0, target: $0.target) }
    }

    @Test func planningADeployChangesNothing() async throws {
        try await S3Bed.with { try await DeployScenarios.planningChangesNothing($0) }
    }

    @Test func anInterruptedDeployLeavesAWholeSiteAndARerunConverges() async throws {
        try await S3Bed.with {
            try await DeployScenarios.anInterruptedDeployLeavesAWholeSiteAndARerunCompletesIt($0, target: $0.target)
        }
    }

    @Test func aSiteAtTheBucketsRootWorksWithoutAPrefix() async throws {
        try await S3Bed.with(prefix: "") { try await DeployScenarios.removedPagesAreDeleted($0) }
    }

    @Test func objectsGetContentTypeAndCacheControlByPath() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            let expected: [String: (String, String)] = [
                "index.html": ("text/html; charset=utf-8", "public, max-age=300, must-revalidate"),
                "papers/2405.01234/index.html": ("text/html; charset=utf-8", "public, max-age=300, must-revalidate"),
                "assets/style.3f2a9c1b.css": ("text/css; charset=utf-8", "public, max-age=31536000, immutable"),
                "assets/app.js": ("text/javascript; charset=utf-8", "public, max-age=3600"),
                "assets/logo.svg": ("image/svg+xml", "public, max-age=3600"),
                "feed.xml": ("application/rss+xml; charset=utf-8", "public, max-age=300, must-revalidate"),
                "feed.json": ("application/feed+json; charset=utf-8", "public, max-age=300, must-revalidate"),
            ]
            for (path, (contentType, cacheControl)) in expected {
                let headers = try await bed.head(path)
                #expect(headers?["content-type"] == contentType, "\(path)")
                #expect(headers?["cache-control"] == cacheControl, "\(path)")
            }
        }
    }

    @Test func changedCacheRulesReuploadOnlyTheFilesWhoseHeadersChange() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            var rules = CacheControlRules.defaults
            rules.rules.insert(.init("feed.*", "public, max-age=60"), at: 0)
            let (plan, _) = try await bed.deploy(site, options: DeployOptions(cacheControl: rules))
            #expect(plan.uploads.map(\.file.path) == ["feed.json", "feed.xml"])
            #expect(plan.uploads.map(\.reason) == [.headers, .headers])
            #expect(try await bed.head("feed.xml")?["cache-control"] == "public, max-age=60")
            let (again, _) = try await bed.deploy(site, options: DeployOptions(cacheControl: rules))
            #expect(again.isEmpty)
        }
    }

    @Test func anObjectChangedByAnotherToolIsUploadedAgain() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            let other = bed.client()
            try await other.putObject(key: "site/404.html", body: Array("<!doctype html><title>Lost</title>".utf8),
                                      headers: ObjectHeaders(contentType: "text/html; charset=utf-8", cacheControl: nil))
            await other.transport.shutdown()
            let (plan, _) = try await bed.deploy(site)
            #expect(plan.uploads.map(\.file.path) == ["404.html"])
            #expect(try await bed.remoteContents() == site.contents())
        }
    }

    /// moto's server checks signatures against its own decoding of the path, so keys with `&`,
    /// `=`, `+` or non-ASCII letters fail there whoever signs them (boto3 too); AWS takes them
    /// encoded byte by byte, as this client sends them (see the Signature V4 tests).
    @Test func keysWithSpacesAndTildesAreSignedAndStored() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree(files: ["tags/a b/index.html": "spaces", "tags/a  b/c d.html": "double", "assets/x~y.css": "x"])
            defer { site.delete() }
            try await bed.deploy(site)
            #expect(try await bed.remoteContents() == site.contents())
            let (plan, _) = try await bed.deploy(site)
            #expect(plan.isEmpty)
        }
    }

    @Test func largeFilesAreUploadedInPartsAndRecognizedAfterwards() async throws {
        try await S3Bed.with { base in
            var bed = base
            bed.multipartThreshold = MultipartSettings.minimumPartSize
            bed.partSize = MultipartSettings.minimumPartSize
            let options = DeployOptions(multipartThreshold: bed.multipartThreshold, partSize: bed.partSize)
            let site = try SiteTree(files: ["index.html": "home"])
            defer { site.delete() }
            var large = [UInt8](repeating: 0, count: MultipartSettings.minimumPartSize + 123_456)
            for index in large.indices { large[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 9) }
            try site.write("data/search-index.bin", bytes: large)
            let (plan, _) = try await bed.deploy(site, options: options)
            #expect(plan.uploads.first { $0.file.path == "data/search-index.bin" }?.file.multipartETag?.hasSuffix("-2") == true)
            #expect(try await bed.remoteContents()["data/search-index.bin"] == large)
            let (again, _) = try await bed.deploy(site, options: options)
            #expect(again.isEmpty)
        }
    }

    @Test func throttlingAndServerErrorsAreRetried() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            let firstRequests = CallCounter(failingFrom: 3)  // the first 3 requests get 503 SlowDown
            let destination = bed.destination(
                transport: InjectingTransport(base: AsyncHTTPTransport(), cannedFailures: firstRequests),
                retry: RetryPolicy(attempts: 5, baseDelay: .milliseconds(1)))
            let deployer = Deployer(siteRoot: site.root, destination: destination, options: DeployOptions(concurrency: 1))
            let summary = try await deployer.run(try await deployer.plan())
            await destination.close()
            #expect(summary.uploaded == SiteTree.standardFiles.count)
            #expect(firstRequests.value > 3)
            #expect(try await bed.remoteContents() == site.contents())
        }
    }

    @Test func aServerErrorThatPersistsFailsNamingTheOperationAndTheTries() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            var transport = InjectingTransport(base: AsyncHTTPTransport(), cannedFailures: CallCounter(failingFrom: 1000))
            transport.canned = HTTPTransportResponse(status: 500, body: Array("<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>".utf8))
            let destination = bed.destination(transport: transport, retry: RetryPolicy(attempts: 3, baseDelay: .milliseconds(1)))
            await expectError("\(bed.target): GET bucket failed: HTTP 500 InternalError: We encountered an internal error. (after 3 tries)") {
                _ = try await Deployer(siteRoot: site.root, destination: destination).plan()
            }
            #expect(destination.requestCount == 6)  // the listing and the manifest, 3 tries each
            await destination.close()
        }
    }

    @Test func aWrongSecretKeyFailsClearlyWithoutSecretsAndChangesNothing() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            try site.write("index.html", "<!doctype html><title>changed</title>")
            let before = try await bed.remoteContents()
            let wrongSecret = "not-the-secret-\(UUID().uuidString)"
            let wrong = AWSCredentials(accessKeyID: bed.config.credentials.accessKeyID, secretAccessKey: wrongSecret,
                                       source: "the environment (AWS_ACCESS_KEY_ID)")
            let destination = bed.destination(transport: AsyncHTTPTransport(), credentials: wrong)
            let deployer = Deployer(siteRoot: site.root, destination: destination)
            do {
                _ = try await deployer.run(try await deployer.plan())
                Issue.record("a wrong secret key was accepted")
            } catch {
                let text = String(describing: error)
                #expect(text == """
                    \(bed.target): GET bucket failed: HTTP 403 SignatureDoesNotMatch: The request signature we calculated \
                    does not match the signature you provided. Check your key and signing method.
                    The secret access key does not match the access key id; check the credentials (from the environment (AWS_ACCESS_KEY_ID)).
                    """)
                #expect(!text.contains(wrongSecret))
                #expect(!text.contains(bed.config.credentials.secretAccessKey))
                #expect(!text.contains("Signature="))
            }
            await destination.close()
            #expect(try await bed.remoteContents() == before)
        }
    }

    @Test func anUnknownAccessKeyFailsClearly() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            let unknown = AWSCredentials(accessKeyID: "AKIAUNKNOWNKEY000000", secretAccessKey: "x", source: "profile 'ci' in /tmp/credentials")
            let destination = bed.destination(transport: AsyncHTTPTransport(), credentials: unknown)
            await expectError("""
                \(bed.target): GET bucket failed: HTTP 403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.
                The server does not know this access key id; check the credentials (from profile 'ci' in /tmp/credentials) and the endpoint.
                """) {
                _ = try await Deployer(siteRoot: site.root, destination: destination).plan()
            }
            await destination.close()
        }
    }

    @Test func aMissingBucketIsNamed() async throws {
        let config = try S3TestServer.config()
        let location = try S3Location(endpoint: config.endpoint, region: config.region, bucket: "daybook-no-such-bucket", pathStyle: true)
        let destination = S3Destination(client: S3Client(location: location, credentials: config.credentials, transport: AsyncHTTPTransport()))
        let site = try SiteTree()
        defer { site.delete() }
        await expectError("""
            s3://daybook-no-such-bucket/: GET bucket failed: HTTP 404 NoSuchBucket: The specified bucket does not exist
            Bucket 'daybook-no-such-bucket' does not exist at \(config.endpoint); create it first.
            """) {
            _ = try await Deployer(siteRoot: site.root, destination: destination).plan()
        }
        await destination.close()
    }

    @Test func theManifestIsNeitherDeletedNorCountedAsSiteContent() async throws {
        try await S3Bed.with { bed in
            let site = try SiteTree()
            defer { site.delete() }
            try await bed.deploy(site)
            let client = bed.client()
            let manifest = try await client.getObject(key: "site/.daybook-manifest.json")
            await client.transport.shutdown()
            let decoded = try S3Manifest(json: try #require(manifest))
            #expect(decoded.files.count == SiteTree.standardFiles.count)
            #expect(decoded.files["index.html"]?.headers.contentType == "text/html; charset=utf-8")
            let (plan, summary) = try await bed.deploy(site)
            #expect(plan.deletes.isEmpty)
            #expect(summary.requests == 2)  // one listing page and the manifest
        }
    }
}
