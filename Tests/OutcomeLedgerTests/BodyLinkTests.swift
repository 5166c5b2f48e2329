import Foundation
import Testing
@testable import OutcomeLedger

/// What a body refers to is published with the site and its links lead there, as they do
/// on GitHub; what leads nowhere is a located `broken-link` warning.
struct BodyLinkTests {
    /// Headings and the ids GitHub gives them, written from GitHub's documented rules:
    /// lower case, letters, digits, spaces, `-` and `_` kept, the rest dropped, spaces to
    /// `-`, repeats numbered from 1.
    @Test func anchorsAreGitHubs() {
        let table: [(String, String)] = [
            ("Upgrade / Downgrade Strategy", "upgrade--downgrade-strategy"),
            ("Done when", "done-when"),
            ("What's `new` in v2.0?", "whats-new-in-v20"),
            ("snake_case and kebab-case", "snake_case-and-kebab-case"),
            ("Café Crème", "café-crème"),
            ("  ", "--"),
            ("🎉 Launch", "-launch"),
            ("Step 1: Plan", "step-1-plan"),
        ]
        #expect(table.map { GitHubAnchors.slug($0.0) } == table.map(\.1))
        #expect(GitHubAnchors.ids(for: ["Notes", "Notes", "Notes-1", "Notes"]) == ["notes", "notes-1", "notes-1-1", "notes-2"])
    }

    static let outcome = RuleExample.file(body: """
        ## Done when
        - [ ] 500 artists upload a first track by 2027-03-31

        ## How
        ![The flow](<diagrams/upload flow.png>) and ![Entwurf](diagrams/Übersicht.png)
        See [payouts](money/payouts.md#timeline), [the plan](/docs/plan.pdf#page=2), [how](#how).
        [Outside](../../secret.txt) [Missing](nope.png) [Draft](_draft.md) [Big](big.bin)
        ![Scripted](evil.svg) ![Inert](fine.svg) [Web](https://example.com/x.png)
        """)

    static func ledger() -> URL {
        let root = TestSupport.ledger([
            RuleExample.mainFile: outcome,
            "outcomes/diagrams/upload flow.png": "PNG one",
            "outcomes/diagrams/Übersicht.png": "PNG two",
            "outcomes/_draft.md": "draft",
            "outcomes/money/payouts.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Timeline\nMonthly."),
            "docs/plan.pdf": "%PDF",
            "outcomes/big.bin": String(repeating: "x", count: 2048),
            "outcomes/evil.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>",
            "outcomes/fine.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"4\" height=\"4\"/></svg>",
            "ledger.yml": "max_asset_size: 1 KiB\n",
            "outcomes/unrelated.png": "not referenced",
        ])
        return root
    }

    /// The set of heading ids is kept with the outcome: it must follow every change to the
    /// headings, and a copy changed on its own must not change the original's.
    @Test func headingIDsFollowTheOutcomesHeadings() {
        var outcome = Outcome(file: "outcomes/a.md", id: Located("a", at: SourceLocation(file: "outcomes/a.md", line: 1, column: 1)))
        outcome.anchors = ["how"]
        #expect(outcome.hasAnchor("how"))
        #expect(!outcome.hasAnchor("timeline"))
        outcome.anchors.append("timeline")
        #expect(outcome.hasAnchor("timeline"))
        var copy = outcome
        copy.anchors = ["other"]
        #expect(copy.hasAnchor("other") && !copy.hasAnchor("how"))
        #expect(outcome.hasAnchor("how") && !outcome.hasAnchor("other"))
        outcome.title = nil
        outcome.anchors.removeFirst()
        #expect(!outcome.hasAnchor("how"))
    }

    @Test func everyBrokenReferenceIsReportedWhereItIsWritten() throws {
        let compilation = try TestSupport.compile(Self.ledger())
        let found = compilation.diagnostics("broken-link").map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(found == [
            "15:1 link to `../../secret.txt` leads outside the ledger root",
            "15:29 link to `nope.png`: there is no file `outcomes/nope.png` in the ledger",
            "15:49 link to `_draft.md`: `outcomes/_draft.md` is not an outcome the ledger reads",
            "15:68 link to `big.bin`: `outcomes/big.bin` is 2048 bytes, more than `max_asset_size` (1024 bytes); not published",
            "16:1 image to `evil.svg`: `outcomes/evil.svg` is an SVG that could run script (it has an event attribute (`onload`)); not published",
        ])
    }

    /// A fragment that names no heading suggests the id it most likely meant: a few edits
    /// away, or the one id that begins with it or holds it; none when nothing is close.
    @Test func aMissingFragmentSuggestsTheNearestID() throws {
        let compilation = try TestSupport.compile(TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody + """


                ## Protocol conformances
                ## Basic atomic operations
                ## Direct reference to `callAsFunction`
                ## Operations review

                [a](#protocol-conformance) [b](#atomic-operations) [c](#direct-reference-to-call)
                [d](other.md#timline) [e](#pricing) [f](#operation)
                """),
            "outcomes/other.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Timeline\nMonthly."),
        ]))
        let hints = compilation.diagnostics("broken-link").map { $0.hint ?? "" }
        #expect(hints.count == 6)
        #expect(hints[0].hasPrefix("did you mean `#protocol-conformances`?"))
        #expect(hints[1].hasPrefix("did you mean `#basic-atomic-operations`?"))
        #expect(hints[2].hasPrefix("did you mean `#direct-reference-to-callasfunction`?"))
        #expect(hints[3].hasPrefix("did you mean `#timeline`?"))
        // Nothing close, and a word several headings hold: no guess.
        #expect(hints[4].hasPrefix("heading ids are made as on GitHub"))
        #expect(hints[5].hasPrefix("heading ids are made as on GitHub"))
    }

    /// A missing file that is most likely another one in its folder is named: the same name
    /// with `.md` (a site that hides extensions lets authors leave it out), in other
    /// capitals, a slip of a letter; a folder, by its README. Names whose numbers differ
    /// are other documents, and nothing near is no guess.
    @Test func aMissingFileSuggestsTheOneMeant() throws {
        let body = RuleExample.standardBody + """


            See [150](./eip-150#abstract), ![chart](Chart.PNG), [plan](../docs/plna.pdf?v=2), [7683](eip-7683.md),
            [notes](notes), [tools](../tools/), [other](nothing-like-it.txt) and [data](data).
            """
        let root = TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: body),
            "outcomes/eip-150.md": RuleExample.file(body: RuleExample.standardBody + "\n\n## Abstract\nGas."),
            "outcomes/eip-7623.md": RuleExample.file(body: RuleExample.standardBody),
            "outcomes/chart.png": "PNG",
            "docs/plan.pdf": "PDF",
            "outcomes/notes/README.md": "notes",
            "outcomes/notes/more.txt": "more",
            "tools/run.sh": "echo",
            "outcomes/data.csv": "1,2",
            "outcomes/data.json": "[]",
        ])
        let found = try TestSupport.compile(root).diagnostics("broken-link").map { $0.hint ?? "" }
        #expect(found == [
            "did you mean `./eip-150.md#abstract` (`outcomes/eip-150.md`)?",
            "did you mean `chart.png` (`outcomes/chart.png`)?",
            "did you mean `../docs/plan.pdf?v=2` (`docs/plan.pdf`)?",
            "check the file name and its folder: paths are relative to this outcome's file",
            "link to the folder's README, which GitHub shows for it: `notes/README.md`",
            "link to a file inside the folder",
            "check the file name and its folder: paths are relative to this outcome's file",
            "check the file name and its folder: paths are relative to this outcome's file",
        ])
        #expect(BrokenLink.destination("../a/b c.md", naming: "B C.md") == "../a/B%20C.md")
        #expect(BrokenLink.destination("x#y", naming: "x.md") == "x.md#y")
        #expect(BrokenLink.destination("notes/", adding: "README.md") == "notes/README.md")
    }

    /// A web address that reads as a path — wrapped in brackets, as in `[label]:(https://…)`,
    /// or without its scheme — is named as such, with the address to write instead.
    @Test func aMisreadWebAddressIsNamed() throws {
        let body = RuleExample.standardBody + """


            See [the guide][guide], [the site](www.example.com/start) and [notes](notes.md).

            [guide]:(https://example.com/guide)
            """
        let compilation = try TestSupport.compile(TestSupport.ledger([RuleExample.mainFile: RuleExample.file(body: body)]))
        let found = compilation.diagnostics("broken-link").map { "\($0.location.column) \($0.message) | \($0.hint ?? "")" }
        #expect(found == [
            "5 link to `(https://example.com/guide)`: a web address wrapped in `(` is read as a file in the ledger, and there is no such file | write the whole address alone: `https://example.com/guide`",
            "25 link to `www.example.com/start`: a web address without `https://` is read as a file in the ledger, and there is no such file | write the whole address alone: `https://www.example.com/start`",
            "63 link to `notes.md`: there is no file `outcomes/notes.md` in the ledger | check the file name and its folder: paths are relative to this outcome's file",
        ])
        #expect(BrokenLink.misreadWebAddress("<'https://a.b/c'>")?.address == "https://a.b/c")
        #expect(BrokenLink.misreadWebAddress("(https://en.wikipedia.org/wiki/Set_(mathematics))")?.address
                == "https://en.wikipedia.org/wiki/Set_(mathematics)")
        let pasted = try #require(BrokenLink.misreadWebAddress("[https://a.b/c](https://a.b/c)"))
        #expect(pasted.why == "a web address wrapped in `[`" && pasted.address == nil)
        #expect(BrokenLink.misreadWebAddress("docs/https://x") == nil)
        // A long destination is quoted by its beginning and end.
        let long = BodyLink(destination: "https://diagrams.example/edit#" + String(repeating: "a1B2", count: 100) + "END-OF-IT",
                            isImage: false, location: SourceLocation(file: "outcomes/a.md", line: 1, column: 1))
        #expect(long.quotedDestination == "https://diagrams.example/edit#a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1B2a1…1B2END-OF-IT")
        #expect(BodyLink(destination: "notes.md", isImage: false, location: long.location).quotedDestination == "notes.md")
        #expect(BrokenLink.misreadWebAddress("(1)://x") == nil)
        #expect(BrokenLink.misreadWebAddress("wwwhat.md") == nil)
        // A known web domain without a scheme, and a mail address without `mailto:`.
        #expect(BrokenLink.misreadWebAddress("golang.org/issue/16093")?.address == "https://golang.org/issue/16093")
        #expect(BrokenLink.misreadWebAddress("example.com")?.address == "https://example.com")
        #expect(BrokenLink.misreadWebAddress("ana@example.org")?.address == "mailto:ana@example.org")
        for file in ["setup.py", "notes.md", "run.sh", "docs/example.com", "a.b.md", "pkg.go.dev.md", "x@y", "a/b@c.org"] {
            #expect(BrokenLink.misreadWebAddress(file) == nil, "\(file)")
        }
    }

    @Test func referencedFilesArePublishedAndLinksLeadThere() throws {
        let (run, output) = try BuildTests.build(Self.ledger().path)
        #expect(run.status == 0, "\(run.standardError)")
        let files = try BuildTests.files(in: output)
        #expect(files["files/outcomes/diagrams/upload flow.png"] == Data("PNG one".utf8))
        #expect(files["files/outcomes/diagrams/Übersicht.png"] == Data("PNG two".utf8))
        #expect(files["files/docs/plan.pdf"] != nil)
        #expect(files["files/outcomes/fine.svg"] != nil)
        // Only what is referenced, and nothing refused.
        for absent in ["files/outcomes/unrelated.png", "files/outcomes/evil.svg", "files/outcomes/big.bin", "files/outcomes/_draft.md"] {
            #expect(files[absent] == nil, "\(absent)")
        }
        let page = String(decoding: try #require(files["outcomes/example/index.html"]), as: UTF8.self)
        #expect(page.contains(#"<img src="../../files/outcomes/diagrams/upload%20flow.png" alt="The flow" />"#))
        #expect(page.contains(#"src="../../files/outcomes/diagrams/%C3%9Cbersicht.png""#))
        #expect(page.contains(##"<a href="../payouts/index.html#timeline">payouts</a>"##))
        // A file's fragment (a PDF page, a line) is kept as written.
        #expect(page.contains(#"<a href="../../files/docs/plan.pdf#page=2">the plan</a>"#))
        #expect(page.contains(##"<a href="#how">how</a>"##))
        #expect(page.contains(#"<h2 id="how">"#))
        #expect(page.contains(#"<a href="https://example.com/x.png">Web</a>"#))
        // Every rewritten reference resolves to a file of the site.
        for match in page.matches(of: /(?:src|href)="(\.\.\/[^"#]*(?:files\/|index\.html)[^"#]*)/) {
            let target = output.appendingPathComponent("outcomes/example").appendingPathComponent(String(match.1)).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: target.path.removingPercentEncoding!), "\(match.1)")
        }
        let payouts = String(decoding: try #require(files["outcomes/payouts/index.html"]), as: UTF8.self)
        #expect(payouts.contains(#"<h2 id="timeline">"#))
    }

    /// SVG opened by itself runs its scripts on the site's origin: one that could is never
    /// published (SECURITY.md says so), however the script is spelled or encoded; what
    /// diagram tools write (text in `<foreignObject>`, their source in an attribute, raster
    /// pictures as `data:image/png`) is published.
    @Test func svgThatCouldRunScriptIsRefused() {
        let active = [
            "<svg><script>alert(1)</script></svg>", "<svg onload=\"alert(1)\"/>", "<svg><a href=\"javascript:x\"/></svg>",
            "<svg><foreignObject><iframe/></foreignObject></svg>", "<svg><set attributeName=\"href\" to=\"x\"/></svg>",
            "<svg><image href=\"data:text/html,x\"/></svg>", "<svg><a href=\"&#106;avascript:x\"/></svg>",
            "<svg\nONMOUSEOVER = \"x\"/>", "<svg><svg:script>x</svg:script></svg>", "<svg ev:onclick='x'/>",
            "<svg><a xlink:href=\" java&#9;script:x\"/></svg>", "<svg><a href=\"&#x4A;AVASCRIPT:x\"/></svg>",
            "<svg><image href=\"data:image/svg+xml;base64,PHN2Zz4=\"/></svg>", "<svg><text>&nbsp;</text></svg>",
            "<!DOCTYPE svg [<!ENTITY x \"&#60;script&#62;\">]><svg>&x;</svg>", "<?xml-stylesheet href=\"x.xsl\"?><svg/>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><svg/>", "<svg><style>@import url(x.css);</style></svg>",
            "<svg><style><![CDATA[ @IMPORT url(x.css); ]]></style></svg>", "<svg><style>&#64;import url(x.css);</style></svg>",
            "<svg style=\"background:url(javascript:x)\"/>", "<svg><a href=x>y</a></svg>", "<svg><!-- never ends",
            "<svg><foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\"><embed src=\"x\"/></div></foreignObject></svg>",
            "<svg><style>", "<svg><html:meta http-equiv=\"refresh\" content=\"0\"/></svg>",
            #"<svg><style>a { background: url(\6a avascript:x) }</style></svg>"#, #"<svg style="b\65havior: url(x.htc)"/>"#,
            #"<svg style="background: url('java\9 script:x')"/>"#, "<svg><style>@im\\port url(x.css);</style></svg>",
        ]
        for svg in active {
            #expect(ActiveSVG.reason(Array(svg.utf8)) != nil, "\(svg)")
        }
        // The same markup in UTF-16, which a browser reads by its byte-order mark.
        let utf16: [UInt8] = [0xFF, 0xFE] + "<svg><script>alert(1)</script></svg>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(ActiveSVG.reason(utf16) == "it is not UTF-8 text")
        // The hint fits the reason: save it again as UTF-8, mend its XML, or leave script out.
        #expect(ActiveSVG.hint(for: ActiveSVG.reason(utf16)!).hasPrefix("save the picture as UTF-8"))
        #expect(ActiveSVG.hint(for: ActiveSVG.reason(Array("<svg><!-- never ends".utf8))!).hasPrefix("the file is not well-formed XML"))
        #expect(ActiveSVG.hint(for: ActiveSVG.reason(Array("<svg><script/></svg>".utf8))!).hasPrefix("export the picture as PNG"))
        let inert = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>on time</text><path d=\"M0 0\"/></svg>",
            "<?xml\n  version=\"1.0\"\n  encoding=\"utf-8\"?>\n<svg/>",
            #"<svg><style>.icon::before { content: "\f101"; } /* an icon font */</style></svg>"#,
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Do not edit this file with editors other than draw.io -->
            <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" content="&lt;mxfile&gt;&#xA;&lt;a image=data:x&gt;">
            <defs><style type="text/css">text { font-family: Helvetica; }</style></defs>
            <g><switch><foreignObject width="100%" height="100%"><div xmlns="http://www.w3.org/1999/xhtml" style="display: flex;">Tail&#160;expression &amp; <b>drop</b></div></foreignObject>
            <text x="1" y="2">Tail expression</text></switch></g>
            <image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/>
            <a href="https://example.com/more"><text>more &gt; less</text></a>
            </svg>
            """,
        ]
        for svg in inert {
            #expect(ActiveSVG.reason(Array(svg.utf8)) == nil, "\(svg)")
        }
    }

    @Test func aSymbolicLinkOutOfTheRootIsNotFollowed() throws {
        let outside = TestSupport.temporaryFolder().appendingPathComponent("secret.png")
        try "secret".write(to: outside, atomically: true, encoding: .utf8)
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody + "\n\n![x](link.png)")])
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("outcomes/link.png").path, withDestinationPath: outside.path)
        let compilation = try TestSupport.compile(root)
        #expect(compilation.diagnostics("broken-link").map(\.message) == ["image to `link.png` leads outside the ledger root"])
        let (_, output) = try BuildTests.build(root.path)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("files/outcomes/link.png").path))
    }

    @Test func aChangedAssetIsPublishedAgainAndOnlyThen() throws {
        let root = TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody + "\n\n![chart](chart.png)"),
            "outcomes/chart.png": "first",
        ])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        func build() throws -> TestSupport.Run {
            try TestSupport.run(["build", root.path, "--output", output.path, "--today", "2026-11-21", "--no-history"])
        }
        _ = try build()
        #expect(try build().standardOutput.hasPrefix("Up to date"))
        try "second".write(to: root.appendingPathComponent("outcomes/chart.png"), atomically: true, encoding: .utf8)
        let again = try build()
        #expect(!again.standardOutput.hasPrefix("Up to date"))
        #expect(try String(contentsOf: output.appendingPathComponent("files/outcomes/chart.png"), encoding: .utf8) == "second")
    }
}

/// The `# title` a body opens with is left out of the page (its `<h1>` says it), but its
/// id is the `<h1>`'s, so links to the title land on the page's heading.
struct TitleAnchorTests {
    @Test func theLeftOutTitleLendsItsIDToTheHeading() throws {
        let root = TestSupport.ledger([
            RuleExample.mainFile: RuleExample.file(body: "# Grow artists on the platform\n\n" + RuleExample.standardBody),
            "outcomes/plain.md": RuleExample.file(body: RuleExample.standardBody),
            "outcomes/other.md": RuleExample.file(body: RuleExample.standardBody
                + "\n\nSee [the goal](example.md#grow-artists-on-the-platform)."),
        ])
        let (run, site) = try BuildTests.build(root.path)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(!run.standardError.contains("broken-link"))
        let page = try String(contentsOf: site.appendingPathComponent("outcomes/example/index.html"), encoding: .utf8)
        #expect(page.contains("<h1 id=\"grow-artists-on-the-platform\">Grow artists on the platform</h1>"))
        #expect(page.components(separatedBy: "id=\"grow-artists-on-the-platform\"").count == 2)
        #expect(!page.contains("<span id="))
        let other = try String(contentsOf: site.appendingPathComponent("outcomes/other/index.html"), encoding: .utf8)
        #expect(other.contains("href=\"../example/index.html#grow-artists-on-the-platform\""))
        // Without the title in the body, the heading still has an id, one no heading can have.
        let plain = try String(contentsOf: site.appendingPathComponent("outcomes/plain/index.html"), encoding: .utf8)
        #expect(plain.contains("<h1 id=\"Top\">Grow artists on the platform</h1>"))
    }
}
