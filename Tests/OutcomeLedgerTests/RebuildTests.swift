import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// Rebuilding: nothing changed means nothing is done; any change means output identical
/// to a clean build.
struct RebuildTests {
    static func copyOfMusicApp() throws -> URL {
        try ServeTests.copyOfMusicApp()
    }

    static func build(_ root: URL, _ output: URL) throws -> TestSupport.Run {
        try TestSupport.run(["build", root.path, "-o", output.path, "--today", "2026-11-21"])
    }

    @Test func nothingChangedIsUpToDateAndTouchesNothing() throws {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        let index = output.appendingPathComponent("index.html").path
        let before = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        let files = try BuildTests.files(in: output)
        usleep(20_000)
        let again = try Self.build(root, output)
        #expect(again.status == 0)
        #expect(again.standardOutput.hasPrefix("Up to date"))
        #expect(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date == before)
        #expect(try BuildTests.files(in: output) == files)
    }

    /// The output is checked too: a page removed, a file added or a page edited by hand in
    /// the site means a rebuild, which puts back exactly what a clean build writes.
    @Test(arguments: ["page removed", "file added", "page edited"])
    func aSiteChangedByHandIsBuiltAgain(change: String) throws {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        let page = output.appendingPathComponent("outcomes/grow-artists/index.html")
        switch change {
        case "page removed": try FileManager.default.removeItem(at: page)
        case "file added": try Data("stray".utf8).write(to: output.appendingPathComponent("outcomes/stray.html"))
        default: try (String(contentsOf: page, encoding: .utf8) + "<!-- edited -->").write(to: page, atomically: false, encoding: .utf8)
        }
        let again = try Self.build(root, output)
        #expect(again.status == 0)
        #expect(!again.standardOutput.hasPrefix("Up to date"), "\(change) went unnoticed")
        try Self.expectSameAsCleanBuild(root, output)
    }

    /// The output's listing is one digest of every path and size, whatever order a walk
    /// finds them in.
    @Test func theOutputListingIgnoresOrderButNotSizesOrNames() {
        let files = (0..<500).map { ("outcomes/o\($0)/index.html", 1000 + $0) }
        let digest = BuildCache.listing(files)
        #expect(BuildCache.listing(files.reversed()) == digest)
        #expect(BuildCache.listing(files.shuffled()) == digest)
        var resized = files
        resized[7].1 += 1
        #expect(BuildCache.listing(resized) != digest)
        #expect(BuildCache.listing(Array(files.dropLast())) != digest)
        #expect(BuildCache.listing(files + [("stray.html", 5)]) != digest)
        #expect(BuildCache.listing(files + [(BuildCache.fileName, 5)]) == digest, "its own cache file is left out")
    }

    @Test func upToDateBuildsRepeatTheirWarnings() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: CheckCommandTests.vague])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let first = try Self.build(root, output)
        #expect(first.standardError.contains("[done-measurable]"))
        let second = try Self.build(root, output)
        #expect(second.standardOutput.hasPrefix("Up to date"))
        #expect(second.standardError.contains("[done-measurable]"))
    }

    /// A body links to a picture that is missing, to a folder, to an SVG that could run
    /// script and to a file too large to publish. Each, when it comes right, is published
    /// by the next build, as by a clean one; and each path is checked as it is.
    @Test(arguments: ["missing file added", "folder replaced by a file", "SVG made safe", "large file made smaller"])
    func aLinkedFileThatComesRightIsPublished(change: String) throws {
        let root = TestSupport.ledger([
            "ledger.yml": "max_asset_size: 1024\n",
            RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody
                + "\n\n![chart](chart.png), [notes](notes), ![diagram](diagram.svg) and [data](data.csv)."),
            "outcomes/notes/readme.txt": "notes",
            "outcomes/diagram.svg": #"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#,
            "outcomes/data.csv": String(repeating: "1,2\n", count: 1000),
        ])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let first = try Self.build(root, output)
        #expect(first.status == 0)
        #expect(first.standardError.components(separatedBy: "[broken-link]").count - 1 == 4, "\(first.standardError)")
        #expect(try Self.build(root, output).standardOutput.hasPrefix("Up to date"))
        let outcomes = root.appendingPathComponent("outcomes")
        let published: String
        switch change {
        case "missing file added":
            try Data("PNG".utf8).write(to: outcomes.appendingPathComponent("chart.png"))
            published = "files/outcomes/chart.png"
        case "folder replaced by a file":
            try FileManager.default.removeItem(at: outcomes.appendingPathComponent("notes"))
            try Data("notes".utf8).write(to: outcomes.appendingPathComponent("notes"))
            published = "files/outcomes/notes"
        case "SVG made safe":
            try Data(#"<svg xmlns="http://www.w3.org/2000/svg"><rect width="9" height="9"/></svg>"#.utf8)
                .write(to: outcomes.appendingPathComponent("diagram.svg"))
            published = "files/outcomes/diagram.svg"
        default:
            try Data("1,2\n".utf8).write(to: outcomes.appendingPathComponent("data.csv"))
            published = "files/outcomes/data.csv"
        }
        let rebuilt = try Self.build(root, output)
        #expect(!rebuilt.standardOutput.hasPrefix("Up to date"), "\(change) went unnoticed")
        #expect(rebuilt.standardError.components(separatedBy: "[broken-link]").count - 1 == 3)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(published).path))
        try Self.expectSameAsCleanBuild(root, output)
        #expect(try Self.build(root, output).standardOutput.hasPrefix("Up to date"))
    }

    /// What `broken-link` suggests for a missing file depends on the files beside it: a new
    /// one there means a new report, not the old one repeated.
    @Test func aFileBesideAMissingOneRenewsTheSuggestion() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(body: RuleExample.standardBody + "\n\nSee [the plan](./plan).")])
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try Self.build(root, output).standardError.contains("help: check the file name"))
        try Data("plan".utf8).write(to: root.appendingPathComponent("outcomes/plan.txt"))
        let again = try Self.build(root, output)
        #expect(!again.standardOutput.hasPrefix("Up to date"))
        #expect(again.standardError.contains("help: did you mean `./plan.txt` (`outcomes/plan.txt`)?"))
    }

    static let changes = ["parent", "dependency", "dependency link", "people", "config", "template", "new file", "removed file", "date"]

    /// Makes one kind of change to a copy of the music-app example; returns the date to build with.
    static func apply(_ change: String, to root: URL) throws -> String {
        func edit(_ path: String, _ from: String, _ to: String) throws { try Self.edit(root, path, from, to) }
        switch change {
        case "parent": try edit("outcomes/music-app.md", "title: The music app earns", "title: The app earns")
        case "dependency": try edit("outcomes/activate-users.md", "status: active", "status: achieved")
        // Only the links change: the map draws one arrow fewer.
        case "dependency link": try edit("outcomes/grow-ad-revenue.md", "depends_on: [retain-users, launch-podcasts]",
                                         "depends_on: [launch-podcasts]")
        case "people": try edit("people.yml", "name: Li Wei", "name: Li Wei-Chen")
        case "config": try edit("ledger.yml", "title: Music app", "title: Music")
        case "template":
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try "</main><footer>custom</footer></body></html>\n".write(
                to: root.appendingPathComponent("templates/footer.mustache"), atomically: true, encoding: .utf8)
        case "new file": try RuleExample.file(
            "title: Playlists get shared\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nparent: music-app"
        ).write(to: root.appendingPathComponent("outcomes/share.md"), atomically: true, encoding: .utf8)
        case "removed file": try FileManager.default.removeItem(at: root.appendingPathComponent("outcomes/artist-uploads.md"))
        default: break
        }
        return change == "date" ? "2026-11-22" : "2026-11-21"
    }

    /// Each change, then a rebuild over the old site and a clean build: the same bytes.
    @Test(arguments: changes)
    func rebuildsEqualCleanBuilds(change: String) throws {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        // A new date can make reviews overdue: it counts as a change too.
        let today = try Self.apply(change, to: root)
        let rebuilt = try TestSupport.run(["build", root.path, "-o", output.path, "--today", today])
        #expect(rebuilt.status == 0)
        #expect(!rebuilt.standardOutput.hasPrefix("Up to date"), "\(change) went unnoticed")
        let clean = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try TestSupport.run(["build", root.path, "-o", clean.path, "--today", today]).status == 0)
        #expect(try BuildTests.files(in: output) == BuildTests.files(in: clean))
    }

    /// The same changes, built into the spare: the site two builds old, whose unchanged
    /// pages are neither rendered nor written again.
    @Test(arguments: changes)
    func rebuildsThroughTheSpareEqualCleanBuilds(change: String) throws {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        try Self.edit(root, "outcomes/grow-artists.md", "## How", "## How\n\nAn unrelated note.\n")
        #expect(try Self.build(root, output).status == 0)
        let today = try Self.apply(change, to: root)
        let rebuilt = try TestSupport.run(["build", root.path, "-o", output.path, "--today", today])
        #expect(rebuilt.status == 0)
        let clean = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try TestSupport.run(["build", root.path, "-o", clean.path, "--today", today]).status == 0)
        #expect(try BuildTests.files(in: output) == BuildTests.files(in: clean))
    }

    // MARK: - The spare: the replaced site, reused by the build after next

    static func edit(_ root: URL, _ path: String, _ from: String, _ to: String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(from), "\(path) has no \(from)")
        try text.replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
    }

    static func expectSameAsCleanBuild(_ root: URL, _ output: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let clean = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try build(root, clean).status == 0, sourceLocation: sourceLocation)
        #expect(try BuildTests.files(in: output) == BuildTests.files(in: clean), sourceLocation: sourceLocation)
    }

    static func inode(_ url: URL) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
    }

    /// Each build writes into the site two builds old, which lags by two sets of changes.
    @Test func successiveRebuildsThroughTheSpareEqualCleanBuilds() throws {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        let spare = output.deletingLastPathComponent().appendingPathComponent(".site.outcomes-spare")
        #expect(try Self.build(root, output).status == 0)
        let style = try Self.inode(output.appendingPathComponent("assets/style.css"))
        let changes: [() throws -> Void] = [
            { try Self.edit(root, "outcomes/music-app.md", "title: The music app earns", "title: The app earns") },
            { try Self.edit(root, "people.yml", "name: Li Wei", "name: Li Wei-Chen") },
            { try FileManager.default.removeItem(at: root.appendingPathComponent("outcomes/artist-uploads.md")) },
            { try Self.edit(root, "outcomes/activate-users.md", "status: active", "status: achieved") },
        ]
        for (step, change) in changes.enumerated() {
            try change()
            let run = try Self.build(root, output)
            #expect(run.status == 0, "\(run.standardError)")
            try Self.expectSameAsCleanBuild(root, output)
            #expect(FileManager.default.fileExists(atPath: spare.path), "step \(step): no spare kept")
        }
        // Four builds later the output is the first build's folder again, and a file that
        // never changed is the very file the first build wrote.
        #expect(try Self.inode(output.appendingPathComponent("assets/style.css")) == style)
    }

    /// A copy of music-app built twice, so that a spare sits beside its site.
    static func siteWithSpare() throws -> (root: URL, output: URL, spare: URL) {
        let root = try Self.copyOfMusicApp()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try Self.build(root, output).status == 0)
        try Self.edit(root, "ledger.yml", "title: Music app", "title: Music")
        #expect(try Self.build(root, output).status == 0)
        return (root, output, output.deletingLastPathComponent().appendingPathComponent(".site.outcomes-spare"))
    }

    @Test func aSpareWithStrayFilesIsCleanedOnReuse() throws {
        let (root, output, spare) = try Self.siteWithSpare()
        try Data("stray".utf8).write(to: spare.appendingPathComponent("outcomes/stray.html"))
        try Data("short".utf8).write(to: spare.appendingPathComponent("assets/style.css"))
        try Self.edit(root, "ledger.yml", "title: Music", "title: Music again")
        #expect(try Self.build(root, output).status == 0)
        try Self.expectSameAsCleanBuild(root, output)
    }

    @Test func aSpareHoldingALinkIsNotWrittenThrough() throws {
        let (root, output, spare) = try Self.siteWithSpare()
        // The folder of one outcome page replaced by a link to a folder outside.
        let elsewhere = TestSupport.temporaryFolder()
        let page = spare.appendingPathComponent("outcomes/music-app")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: elsewhere)
        try Self.edit(root, "ledger.yml", "title: Music", "title: Music again")
        #expect(try Self.build(root, output).status == 0)
        try Self.expectSameAsCleanBuild(root, output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    }

    @Test func aFileCanTakeTheSpareFoldersPlaceAndTheOtherWayRound() throws {
        let (root, output, _) = try Self.siteWithSpare()
        let assets = root.appendingPathComponent("templates/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        let extra = assets.appendingPathComponent("extra")
        // The spare is two builds old: a shape kept for two builds meets the other one there.
        for (step, shape) in ["folder", "file", "file", "folder", "folder"].enumerated() {
            try? FileManager.default.removeItem(at: extra)
            if shape == "folder" {
                try FileManager.default.createDirectory(at: extra, withIntermediateDirectories: true)
                try Data("a\(step) {}".utf8).write(to: extra.appendingPathComponent("inner.css"))
            } else {
                try Data("b\(step) {}".utf8).write(to: extra)
            }
            let run = try Self.build(root, output)
            #expect(run.status == 0, "step \(step): \(run.standardError)")
            try Self.expectSameAsCleanBuild(root, output)
        }
    }

    @Test func aSpareThatIsALinkIsNotUsed() throws {
        let (root, output, spare) = try Self.siteWithSpare()
        // The spare moved elsewhere and replaced by a link to it.
        let elsewhere = TestSupport.temporaryFolder().appendingPathComponent("moved")
        try FileManager.default.moveItem(at: spare, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: spare, withDestinationURL: elsewhere)
        let before = try BuildTests.files(in: elsewhere)
        try Self.edit(root, "ledger.yml", "title: Music", "title: Music again")
        #expect(try Self.build(root, output).status == 0)
        try Self.expectSameAsCleanBuild(root, output)
        #expect(try BuildTests.files(in: elsewhere) == before, "a build wrote through the link")
    }
}
