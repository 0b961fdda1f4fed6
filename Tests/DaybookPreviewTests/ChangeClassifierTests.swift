import DaybookPreview
import DaybookSite
import Testing

@Suite struct ChangeClassifierTests {
    let classifier = ChangeClassifier(siteRoot: "/site", configPath: "/site/daybook.yml", themeDirectory: "/site/Themes/default")

    func changes(_ events: [FileWatcher.Event]) -> SiteChanges { classifier.classify(events).changes }
    func file(_ path: String, _ kind: FileWatcher.Event.Kind = .changed) -> FileWatcher.Event {
        FileWatcher.Event(path: path, isDirectory: false, kind: kind)
    }
    func folder(_ path: String, _ kind: FileWatcher.Event.Kind) -> FileWatcher.Event {
        FileWatcher.Event(path: path, isDirectory: true, kind: kind)
    }

    @Test func recordsAreNamedBySiteRelativePath() {
        let result = changes([file("/site/content/papers/2026-11-20/a.md"), file("/site/content/hf/daily.json", .removed),
                              file("/site/content/notes.txt")])
        #expect(result == SiteChanges(records: ["content/papers/2026-11-20/a.md", "content/hf/daily.json"]))
    }

    @Test func editorTemporaryFilesAreIgnored() {
        let names = [".a.md.swp", "a.md~", "#a.md#", ".#a.md", "4913", "a.md.tmp", ".a.md.tmpa1b2c3", "a.md___jb_tmp___", "a.md.crswap"]
        #expect(changes(names.map { file("/site/content/papers/" + $0) }).isEmpty)
        #expect(ChangeClassifier.isTemporary("2405.01234.md") == false)
    }

    @Test func templatesAssetsAndTheConfigAreRecognised() {
        #expect(changes([file("/site/Themes/default/templates/day.mustache")]) == SiteChanges(templates: true))
        #expect(changes([file("/site/templates/paper.mustache")]) == SiteChanges(templates: true))
        #expect(changes([file("/site/Themes/default/assets/style.css")]) == SiteChanges(assets: true))
        #expect(changes([file("/site/daybook.yml")]) == SiteChanges(everything: true))
        #expect(changes([file("/site/Themes/other/templates/day.mustache"), file("/site/README.md")]).isEmpty)
    }

    @Test func foldersRemovedFromContentReloadAllContentAndNewOnesWaitForTheirFiles() {
        #expect(changes([folder("/site/content/papers/2026-11-20", .removed)]) == SiteChanges(allContent: true))
        #expect(changes([folder("/site/content/papers/2026-11-21", .created)]).isEmpty)
        #expect(changes([folder("/site/Themes/default/templates", .removed)]) == SiteChanges(templates: true))
    }

    @Test func lostEventsAndNewTopLevelFoldersReloadWhatTheyHold() {
        #expect(changes([FileWatcher.Event(path: "", isDirectory: true, kind: .overflow)]) == SiteChanges(everything: true))
        let batch = classifier.classify([folder("/site/content", .created)])
        #expect(batch.changes == SiteChanges(allContent: true))
        #expect(batch.foldersAppeared)
        // A site's first template override or strings file: its folder appears, templates reload
        // (not the content: at 100,000 papers that is the difference between seconds and a minute).
        for name in ["templates", "i18n"] {
            let batch = classifier.classify([folder("/site/" + name, .created)])
            #expect(batch.changes == SiteChanges(templates: true), "\(name)")
            #expect(batch.foldersAppeared)
        }
        #expect(changes([folder("/site/templates", .removed)]) == SiteChanges(templates: true))
        #expect(changes([folder("/site/Themes", .created)]) == SiteChanges(everything: true))
    }
}
