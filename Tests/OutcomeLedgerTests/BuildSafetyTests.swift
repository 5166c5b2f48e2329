import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// What the build must never do: run an author's markup, half-write a site, or overwrite
/// a folder it doesn't own. And what it must let a theme author do.
struct BuildSafetyTests {
    static let hostile = RuleExample.file("""
        title: '"><script>alert(1)</script>'
        owner: ana
        pod: {ana: [builder, communicator], li: operator}
        status: active
        tags: ['<b>x</b>']
        x-note: '</script><script>alert(2)</script>'
        """, body: """
        <script>alert(3)</script>
        <img src=x onerror=alert(4)>

        [click](javascript:alert(5)) [again](JaVaScRiPt:alert(6)) [data](data:text/html;base64,PHNjcmlwdD4=)
        ![pixel](javascript:alert(7)) <a href="javascript:alert(8)">raw</a>

        ## Done when
        - [ ] 5 <iframe src="javascript:alert(9)"></iframe> artists

        ## How
        <style>body{display:none}</style> Invite artists.
        """)

    @Test func nothingAnAuthorWritesBecomesExecutable() throws {
        let root = TestSupport.ledger([
            "outcomes/hostile.md": Self.hostile,
            "people.yml": "ana: {name: '<img src=x onerror=alert(10)>', url: 'javascript:alert(11)'}\nli: {name: Li, url: ' JAVASCRIPT:alert(12)'}\n",
        ])
        let (run, output) = try BuildTests.build(root.path)
        #expect(run.status == 0, "\(run.standardError)")
        let files = try BuildTests.files(in: output)
        #expect(files.count > 5)
        for (path, data) in files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<iframe"), "\(path)")
            #expect(!html.contains("<style"), "\(path)")
            // Escaped text may spell `onerror=`; no real tag may carry an event handler.
            #expect(!html.contains(/<[a-z][^>]*\son[a-z]+\s*=/), "\(path)")
            #expect(html.contains("&lt;img src=x onerror=alert(10)&gt;") || !path.hasPrefix("people/ana"), "\(path)")
            for link in BuildTests.references(in: html) {
                #expect(!link.contains("javascript:") && !link.hasPrefix("data:"), "\(path): \(link)")
            }
        }
        let page = String(decoding: files["outcomes/hostile/index.html"]!, as: UTF8.self)
        #expect(page.contains("<h1 id=\"Top\">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        let ledger = String(decoding: files["ledger.json"]!, as: UTF8.self)
        #expect(!ledger.contains("</script>"))
        #expect(ledger.contains("\\u003c/script\\u003e"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteByteIdentical() throws {
        let root = TestSupport.ledger(["outcomes/a.md": RuleExample.file()])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try TestSupport.run(["build", root.path, "-o", output.path]).status == 0)
        let before = try BuildTests.files(in: output)

        try RuleExample.file("title: Broken\nowner: ana").write(
            to: root.appendingPathComponent("outcomes/a.md"), atomically: true, encoding: .utf8)
        let failed = try TestSupport.run(["build", root.path, "-o", output.path])
        #expect(failed.status == 1)
        #expect(failed.standardError.contains("missing-key"))
        #expect(failed.standardError.contains("--keep-going"))
        #expect(try BuildTests.files(in: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
        #expect(leftovers == ["site"])
    }

    @Test func aForeignFolderIsNeverReplaced() throws {
        let output = TestSupport.temporaryFolder()
        try "keep me".write(to: output.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["build", TestSupport.example("music-app"), "--output", output.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("was not written by outcomes build"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.path) == ["notes.txt"])
    }

    @Test func anEmptyFolderAndAnEarlierBuildAreReplaced() throws {
        let output = TestSupport.temporaryFolder()
        let first = try TestSupport.run(["build", TestSupport.example("music-app"), "-o", output.path])
        #expect(first.status == 0, "\(first.standardError)")
        try "stale".write(to: output.appendingPathComponent("stale.html"), atomically: true, encoding: .utf8)
        let second = try TestSupport.run(["build", TestSupport.example("music-app"), "-o", output.path])
        #expect(second.status == 0, "\(second.standardError)")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stale.html").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
    }

    @Test func abandonedStagingFoldersAreCleanedUp() throws {
        let parent = TestSupport.temporaryFolder()
        // A pid that can't be running: the build that left these behind was killed.
        for kind in ["tmp", "old"] {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(".site.outcomes-\(kind)-999999999"),
                                                    withIntermediateDirectories: true)
        }
        let run = try TestSupport.run(["build", TestSupport.example("music-app"), "-o", parent.appendingPathComponent("site").path])
        #expect(run.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test func keepGoingPublishesWithAProblemsPage() throws {
        let (run, output) = try BuildTests.build(TestSupport.example("broken"), ["--keep-going"])
        #expect(run.status == 0)
        #expect(run.standardError.contains(try ReportFormatTests.broken().summary))
        let problems = try String(contentsOf: output.appendingPathComponent("problems/index.html"), encoding: .utf8)
        #expect(problems.contains("outcomes/solo.md:4:1"))
        #expect(problems.contains("pod-size"))
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("problems/index.html"))
        #expect(index.contains("Lens gaps"))
        // Ids that are not slugs or are taken twice get no page of their own.
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("outcomes/Lyrics_View").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("outcomes/shared/index.html").path))
    }

    // MARK: - Templates

    @Test func theLedgersTemplatesOverrideByFileName() throws {
        let root = TestSupport.ledger([
            "outcomes/a.md": RuleExample.file(),
            "templates/footer.mustache": "</main><footer><p>Ledger footer for {{site.title}}</p></footer></body></html>\n",
            "templates/assets/extra.css": "body { color: red; }\n",
        ])
        let (run, output) = try BuildTests.build(root.path)
        #expect(run.status == 0, "\(run.standardError)")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Ledger footer for Outcomes"))
        #expect(index.contains("<h1>Outcomes</h1>"), "the rest of the theme stays the default")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/extra.css").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/style.css").path))
    }

    @Test func templatesFlagOverridesTheLedgersTemplates() throws {
        let root = TestSupport.ledger([
            "outcomes/a.md": RuleExample.file(),
            "templates/footer.mustache": "</main><footer>ledger</footer></body></html>\n",
        ])
        let theme = TestSupport.temporaryFolder()
        try "</main><footer>flag</footer></body></html>\n".write(
            to: theme.appendingPathComponent("footer.mustache"), atomically: true, encoding: .utf8)
        let (run, output) = try BuildTests.build(root.path, ["--templates", theme.path])
        #expect(run.status == 0, "\(run.standardError)")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<footer>flag</footer>"))
        #expect(!index.contains("<footer>ledger</footer>"))
    }

    @Test(arguments: [
        ("{{#outcome}}\n<h1>{{title}}</h1>\n{{/outcomes}}\n", "templates/outcome.mustache:3:"),
        ("{{> header}}\n<p>{{> sidebar}}</p>\n{{> footer}}\n", "templates/outcome.mustache:2:4"),
    ])
    func templateErrorsNameTheFileAndLineAndBuildNothing(template: String, position: String) throws {
        let root = TestSupport.ledger(["outcomes/a.md": RuleExample.file(), "templates/outcome.mustache": template])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let run = try TestSupport.run(["build", root.path, "-o", output.path])
        #expect(run.status == 1)
        #expect(run.standardError.contains(position), "\(run.standardError)")
        #expect(run.standardError.contains("[template]"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func theDefaultThemeIsEmbeddedInTheBinary() throws {
        // A copy of the binary far from the repository builds the full theme.
        let elsewhere = TestSupport.temporaryFolder().appendingPathComponent("outcomes")
        try FileManager.default.copyItem(at: TestSupport.binary, to: elsewhere)
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let process = Process()
        process.executableURL = elsewhere
        process.arguments = ["build", TestSupport.example("music-app"), "-o", output.path]
        process.currentDirectoryURL = output.deletingLastPathComponent()
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let css = try String(contentsOf: output.appendingPathComponent("assets/style.css"), encoding: .utf8)
        let source = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("templates/assets/style.css"), encoding: .utf8)
        #expect(css == source)
    }
}

/// `.outcomes-manifest`, read back as written; a damaged line only costs its file a rewrite.
struct ManifestTests {
    @Test func readsBackWhatItWrote() {
        let files: [(path: String, line: Manifest.Line)] = [
            ("index.html", .init(hash: 0xdead_beef_0123_4567, size: 12_345, key: 0xffff_ffff_ffff_ffff)),
            ("files/a plan with spaces.pdf", .init(hash: 0, size: 0, key: nil)),
            ("people/zoë/index.html", .init(hash: 1, size: Int.max, key: 0)),
        ]
        let contents = Manifest.parse(Manifest.render(siteKey: 0xabc, files))
        #expect(contents.siteKey == 0xabc)
        #expect(contents.lines.count == 3)
        for (path, line) in files { #expect(contents.lines[path] == line, "\(path)") }
    }

    @Test func skipsLinesThatDoNotRead() {
        let text = """
            site 1f
            10 20 30 fine.html
            10 20 - no-key.html
            zz 20 30 bad-hash.html
            10 -3 30 bad-size.html
            10 20 30
            1ffffffffffffffff 20 30 overflow.html
            10 99999999999999999999 30 too-large.html
            A 20 30 uppercase.html

            """
        let contents = Manifest.parse(Array(text.utf8))
        #expect(contents.siteKey == 0x1f)
        #expect(contents.lines == ["fine.html": .init(hash: 0x10, size: 20, key: 0x30),
                                   "no-key.html": .init(hash: 0x10, size: 20, key: nil)])
    }
}
