import Testing
@testable import DaybookMarkdown

@Suite struct LinkPolicyTests {
    @Test(arguments: ["https://a.org", "HTTP://a.org", "mailto:x@y.z", "ftp://a.org/f", "relative/path",
                      "/root", "#frag", "?q=1", "a/b:c", "1abc:def"])
    func ordinaryURLsAreAllowed(url: String) {
        #expect(LinkPolicy.allows(url, image: false))
        #expect(LinkPolicy.allows(url, image: true))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:x", "java\tscript:x",
                      "java\nscript:x", "\u{1}javascript:x", "vbscript:x", "file:///etc/passwd",
                      "data:text/html;base64,AA", "data:image/svg+xml,<svg/onload=alert(1)>", "blob:x", "custom+x:y"])
    func scriptAndUnknownSchemesAreRefused(url: String) {
        #expect(!LinkPolicy.allows(url, image: false))
        #expect(!LinkPolicy.allows(url, image: true))
    }

    @Test(arguments: ["data:image/png;base64,AA", "data:image/gif,x", "DATA:IMAGE/JPEG;base64,AA", "data:image/webp;base64,AA"])
    func rasterDataURLsAreAllowedForImagesOnly(url: String) {
        #expect(LinkPolicy.allows(url, image: true))
        #expect(!LinkPolicy.allows(url, image: false))
    }

    @Test func aMediaTypeThatOnlyStartsLikeARasterOneIsRefused() {
        #expect(!LinkPolicy.allows("data:image/pngx,AA", image: true))
    }
}
