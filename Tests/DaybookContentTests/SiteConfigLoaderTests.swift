import Testing
@testable import DaybookContent

@Suite("Site configuration")
struct SiteConfigLoaderTests {
    func parse(_ text: String) throws(ContentError) -> SiteConfig {
        try SiteConfigLoader.parse(bytes: Array(text.utf8), displayPath: "daybook.yml")
    }

    func errors(_ text: String) -> [String] {
        errorLines { () throws(ContentError) in _ = try parse(text) }
    }

    @Test func readsEveryKey() throws {
        let config = try parse("""
        title: My Papers
        description: "Daily
          digest."
        base_url: https://example.org/papers
        language: de
        theme: paper
        output: public
        feed_items: 20
        per_page: 25
        deploy:
          - {type: s3, bucket: b}
        """)
        var expected = SiteConfig(title: "My Papers", description: "Daily digest.",
                                  baseURL: "https://example.org/papers/", language: "de", theme: "paper",
                                  output: "public", feedItems: 20, perPage: 25)
        (expected.themeLine, expected.themeColumn) = (6, 8)  // where 'theme' is set, for "theme not found"
        #expect(config == expected)
        #expect(config.basePath == "/papers/")
    }

    @Test func givesTheDefaultsForAMissingOrEmptyFile() throws {
        #expect(try SiteConfigLoader.load(path: "/nonexistent/daybook.yml", displayPath: "daybook.yml") == SiteConfig())
        #expect(try parse("") == SiteConfig())
        #expect(try parse("# only a comment\n") == SiteConfig())
    }

    @Test func loadsTheValidFixtureSitesFile() throws {
        let config = try SiteConfigLoader.load(path: fixturePath("valid-site/daybook.yml"), displayPath: "daybook.yml")
        #expect(config.title == "Fixture Papers")
        #expect(config.baseURL == "https://example.org/papers/")
        #expect(config.feedItems == 20 && config.perPage == 10)
    }

    @Test func rejectsBadValuesWithPositions() {
        #expect(errors("""
        base_url: example.org
        feed_items: 0
        per_page: lots
        title: [a]
        theme: ../x
        """) == [
            "daybook.yml:1:11: 'base_url' must be an absolute http(s) URL, got \"example.org\"",
            "daybook.yml:2:13: 'feed_items' must be at least 1, got 0",
            "daybook.yml:3:11: 'per_page' must be a whole number, got \"lots\"",
            "daybook.yml:4:8: 'title' must be text, got a list",
            "daybook.yml:5:8: 'theme' must be a theme's folder name under Themes/, got \"../x\"",
        ])
    }

    @Test func refusesAnOutputFolderThatABuildCouldNotSafelyReplace() {
        #expect(errors("output: /var/www") == ["daybook.yml:1:9: 'output' must be a folder inside the site (a relative path), got \"/var/www\""])
        #expect(errors("output: .") == ["daybook.yml:1:9: 'output' must not be the site folder itself, got \".\""])
        #expect(errors("output: ../site") == ["daybook.yml:1:9: 'output' must not leave the site folder ('..'), got \"../site\""])
        #expect(errors("output: content") == ["daybook.yml:1:9: 'output' must not be an input folder (content), got \"content\""])
        #expect(errors("output: build/site") == ["no error"])
    }

    @Test func rejectsUnknownKeysWithASuggestion() {
        #expect(errors("title: T\nbaseurl: https://x.org\n") == ["daybook.yml:2:1: unknown field 'baseurl' (did you mean 'base_url'?)"])
    }

    @Test func mapsYAMLSyntaxErrorsToTheFileLine() {
        #expect(errors("title: T\n  bad: indent\n") == ["daybook.yml:2:6: invalid YAML: mapping values are not allowed in this context; put a value holding ': ' in quotes"])
    }

    @Test func rejectsATopLevelValueThatIsNotAMapping() {
        #expect(errors("- a\n") == ["daybook.yml:1:1: front matter must be a mapping of fields, got a list"])
    }
}
