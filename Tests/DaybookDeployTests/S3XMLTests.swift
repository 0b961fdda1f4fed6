@testable import DaybookDeploy
import DaybookHTTP
import Testing

@Suite("S3 responses and addressing")
struct S3XMLTests {
    @Test func aListingPageGivesKeysUnquotedETagsSizesAndTheNextToken() throws {
        let page = try S3ListPage(xml: """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix>site</Prefix>
            <KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>
            <Contents><Key>site/a &amp; b.html</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>
            <ETag>&quot;49f68a5c8493ec2c0bf489821c21fc3b&quot;</ETag><Size>2</Size><StorageClass>STANDARD</StorageClass></Contents>
            <Contents><Key>site/big.bin</Key><ETag>"0123-2"</ETag><Size>10485760</Size></Contents>
            <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
            </ListBucketResult>
            """)
        #expect(page.objects == [.init(key: "site/a & b.html", etag: "49f68a5c8493ec2c0bf489821c21fc3b", size: 2),
                                 .init(key: "site/big.bin", etag: "0123-2", size: 10_485_760)])
        #expect(page.nextContinuationToken == "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")
    }

    @Test func aMalformedListingIsAnError() {
        #expect(throws: DeployError("the bucket listing has an entry without Key, ETag or Size")) {
            try S3ListPage(xml: "<ListBucketResult><Contents><Key>a</Key></Contents></ListBucketResult>")
        }
        #expect(throws: DeployError("the bucket listing is truncated but has no NextContinuationToken")) {
            try S3ListPage(xml: "<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>")
        }
    }

    @Test func entitiesAreDecodedAndEscaped() {
        #expect(S3XML.unescape("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#233; &#x41; &bogus;") == "a <b> & \"c\" 'd' é A &bogus;")
        #expect(S3XML.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;")
        #expect(S3ETag.unquoted("W/\"abc\"") == "abc")
    }

    @Test func virtualHostedAndPathStyleAddressing() throws {
        let aws = try S3Location(endpoint: nil, region: "eu-west-1", bucket: "my-site", prefix: "/papers//2026/")
        #expect(aws.description == "s3://my-site/papers/2026/")
        #expect(aws.hostHeader == "my-site.s3.eu-west-1.amazonaws.com")
        #expect(aws.path(forKey: "papers/2026/a b/ü.html") == "/papers/2026/a%20b/%C3%BC.html")
        #expect(aws.path(forKey: nil) == "/")
        let local = try S3Location(endpoint: "http://127.0.0.1:9000", region: "us-east-1", bucket: "my-site")
        #expect(local.pathStyle)
        #expect(local.hostHeader == "127.0.0.1:9000")
        #expect(local.path(forKey: "index.html") == "/my-site/index.html")
        #expect(local.url(path: local.path(forKey: nil), query: "list-type=2") == "http://127.0.0.1:9000/my-site?list-type=2")
        #expect(local.endpoint == "http://127.0.0.1:9000")
    }

    @Test func badEndpointsAndBucketNamesAreRefused() {
        #expect(throws: DeployError("endpoint 'ftp://x' is not an http:// or https:// URL")) {
            try S3Location(endpoint: "ftp://x", region: "us-east-1", bucket: "site")
        }
        #expect(throws: DeployError("bucket 'My_Site' is not a valid bucket name (3–63 characters: a–z, 0–9, '.', '-')")) {
            try S3Location(endpoint: nil, region: "us-east-1", bucket: "My_Site")
        }
    }

    @Test func retriesBackOffExponentiallyWithinBounds() {
        let policy = RetryPolicy(attempts: 5, baseDelay: .milliseconds(100), maxDelay: .seconds(1))
        for attempt in 1...6 {
            let expected = min(Duration.milliseconds(100) * (1 << (attempt - 1)), .seconds(1))
            let delay = policy.delay(afterAttempt: attempt)
            #expect(delay >= expected * 0.5 && delay <= expected * 1.5)
        }
        #expect(RetryPolicy.isRetryable(status: 503, code: "SlowDown"))
        #expect(RetryPolicy.isRetryable(status: 429, code: nil))
        #expect(RetryPolicy.isRetryable(status: 400, code: "RequestTimeout"))
        #expect(!RetryPolicy.isRetryable(status: 403, code: "SignatureDoesNotMatch"))
        #expect(!RetryPolicy.isRetryable(status: 404, code: "NoSuchBucket"))
    }
}
