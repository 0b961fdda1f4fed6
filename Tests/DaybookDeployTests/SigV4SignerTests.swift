@testable import DaybookDeploy
import DaybookSystem
import Testing

/// AWS's published Signature V4 examples: the generic test suite (`AKIDEXAMPLE`, service
/// `service`) and the S3 header-signing examples (`examplebucket`).
@Suite("Signature V4")
struct SigV4SignerTests {
    let suite = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "service")
    let s3 = SigV4Signer(
        credentials: AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        region: "us-east-1", service: "s3")
    let suiteHost = [(name: "Host", value: "example.amazonaws.com")]
    let s3Host = (name: "Host", value: "examplebucket.s3.amazonaws.com")

    @Test func getVanillaMatchesTheCanonicalRequestStringToSignAndSignature() {
        let signed = suite.sign(SigV4Request(method: "GET", path: "/", headers: suiteHost), amzDate: "20150830T123600Z")
        #expect(signed.canonicalRequest == """
            GET
            /

            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signed.stringToSign == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
            """)
        #expect(signed.signature == "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test func getVanillaQueryOrderKeyCaseSortsTheParameters() {
        let signed = suite.sign(SigV4Request(method: "GET", path: "/", query: [("Param2", "value2"), ("Param1", "value1")],
                                             headers: suiteHost), amzDate: "20150830T123600Z")
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2] == "Param1=value1&Param2=value2")
        #expect(signed.signature == "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")
    }

    @Test func postVanillaSignsTheMethod() {
        let signed = suite.sign(SigV4Request(method: "POST", path: "/", headers: suiteHost), amzDate: "20150830T123600Z")
        #expect(signed.signature == "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")
    }

    @Test func getUTF8EncodesThePathByteByByte() {
        let path = URIEncoding.encodePath("/ሴ")
        #expect(path == "/%E1%88%B4")
        let signed = suite.sign(SigV4Request(method: "GET", path: path, headers: suiteHost), amzDate: "20150830T123600Z")
        #expect(signed.signature == "8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85")
    }

    @Test func s3GetObjectWithRangeMatchesAWSsExample() {
        let signed = s3.sign(SigV4Request(
            method: "GET", path: "/test.txt",
            headers: [s3Host, ("Range", "bytes=0-9"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash),
                      ("x-amz-date", "20130524T000000Z")]), amzDate: "20130524T000000Z")
        #expect(signed.canonicalRequest == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signed.stringToSign == """
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972
            """)
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
            + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test func s3PutObjectMatchesAWSsExample() {
        let body = Array("Welcome to Amazon S3.".utf8)
        let payloadHash = SigV4Signer.payloadHash(body)
        #expect(payloadHash == "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
        let signed = s3.sign(SigV4Request(
            method: "PUT", path: URIEncoding.encodePath("/test$file.text"),
            headers: [s3Host, ("Date", "Fri, 24 May 2013 00:00:00 GMT"), ("x-amz-date", "20130524T000000Z"),
                      ("x-amz-storage-class", "REDUCED_REDUNDANCY"), ("x-amz-content-sha256", payloadHash)],
            payloadHash: payloadHash), amzDate: "20130524T000000Z")
        #expect(signed.canonicalRequest == """
            PUT
            /test%24file.text

            date:Fri, 24 May 2013 00:00:00 GMT
            host:examplebucket.s3.amazonaws.com
            x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            x-amz-date:20130524T000000Z
            x-amz-storage-class:REDUCED_REDUNDANCY

            date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class
            44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072
            """)
        #expect(signed.signature == "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")
    }

    @Test func s3GetBucketLifecycleSignsAValuelessParameter() {
        let signed = s3.sign(SigV4Request(
            method: "GET", path: "/", query: [("lifecycle", "")],
            headers: [s3Host, ("x-amz-date", "20130524T000000Z"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]),
            amzDate: "20130524T000000Z")
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2] == "lifecycle=")
        #expect(signed.signature == "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543")
    }

    @Test func s3ListObjectsMatchesAWSsExample() {
        let signed = s3.sign(SigV4Request(
            method: "GET", path: "/", query: [("prefix", "J"), ("max-keys", "2")],
            headers: [s3Host, ("x-amz-date", "20130524T000000Z"), ("x-amz-content-sha256", SigV4Signer.emptyPayloadHash)]),
            amzDate: "20130524T000000Z")
        #expect(signed.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false)[2] == "max-keys=2&prefix=J")
        #expect(signed.signature == "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")
    }

    @Test func headerValuesAreTrimmedAndInnerSpacesCollapsed() {
        let headers = SigV4Signer.canonicalHeaders([("My-Header1", "  value1  "), ("my-header2", "\"a   b   c\""), ("my-header1", "value2")])
        #expect(headers.map { "\($0.name):\($0.value)" } == ["my-header1:value1,value2", "my-header2:\"a b c\""])
    }

    @Test func aSessionTokenIsSignedAsASecurityTokenHeader() {
        var credentials = suite.credentials
        credentials.sessionToken = "token/with+chars"
        let signer = SigV4Signer(credentials: credentials, region: "us-east-1", service: "service")
        let signed = signer.sign(SigV4Request(method: "GET", path: "/", headers: suiteHost), amzDate: "20150830T123600Z")
        #expect(signed.authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
        #expect(signed.headers.contains { $0.name == "x-amz-security-token" && $0.value == "token/with+chars" })
    }

    @Test func queryValuesAreEncodedWithUpperCaseHexAndSlashesEncoded() {
        #expect(SigV4Signer.canonicalQuery([("prefix", "a b/c+d~é"), ("continuation-token", "x=y")])
            == "continuation-token=x%3Dy&prefix=a%20b%2Fc%2Bd~%C3%A9")
    }

    @Test func amzDatesAreUTCCalendarTimes() {
        #expect(AMZDate.format(secondsSince1970: 1_440_938_160) == "20150830T123600Z")
        #expect(AMZDate.format(secondsSince1970: 0) == "19700101T000000Z")
        #expect(AMZDate.format(secondsSince1970: 951_782_400) == "20000229T000000Z")
    }

    @Test func credentialsDescribeTheirSourceButNeverTheSecret() {
        let credentials = AWSCredentials(accessKeyID: "AKID", secretAccessKey: "very-secret", sessionToken: "tok",
                                         source: "the environment (AWS_ACCESS_KEY_ID)")
        for text in [String(describing: credentials), String(reflecting: credentials), "\(credentials)"] {
            #expect(text == "AWS credentials from the environment (AWS_ACCESS_KEY_ID)")
        }
    }
}
