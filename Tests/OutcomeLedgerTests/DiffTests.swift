import Foundation
import Testing
@testable import OutcomeLedger

/// `outcomes diff`: semantic changes between two sides, by outcome id, in every format,
/// from git revisions or two folders, and every way it can't run.
struct DiffTests {
    static let today = "2026-11-21"

    static func outcome(_ extra: String = "", title: String = "Grow artists on the platform", owner: String = "ana",
                        pod: String = "{ana: [builder, communicator], li: operator}", status: String = "active",
                        done: String = "- [ ] 500 artists by 2027-03-31\n- [x] 20 labels by 2027-01-31") -> String {
        RuleExample.file("title: \(title)\nowner: \(owner)\npod: \(pod)\nstatus: \(status)" + (extra.isEmpty ? "" : "\n" + extra),
                         body: "## Done when\n\(done)\n\n## How\nInvite artists.")
    }

    static func diff(_ base: [String: String], _ head: [String: String], _ extra: [String] = []) throws -> TestSupport.Run {
        let baseRoot = TestSupport.ledger(base)
        let headRoot = TestSupport.ledger(head)
        return try TestSupport.run(["diff", "--base-dir", baseRoot.path, "--head-dir", headRoot.path, "--today", today] + extra)
    }

    static func changes(_ base: [String: String], _ head: [String: String]) throws -> LedgerChanges {
        let options = LedgerCompiler.Options(today: CalendarDate(today)!)
        return LedgerChanges.between(try LedgerCompiler.compile(root: TestSupport.ledger(base).path, options: options),
                                     try LedgerCompiler.compile(root: TestSupport.ledger(head).path, options: options))
    }

    @Test func everyFieldChangeIsNamed() throws {
        let other = Self.outcome(title: "Labels sign")
        let base = ["outcomes/a.md": Self.outcome("start: 2026-09-01\ndue: 2027-03-31\nreview_by: 2027-01-15\nparent: p\ndepends_on: [d1]"),
                    "outcomes/p.md": other, "outcomes/q.md": other, "outcomes/d1.md": other, "outcomes/d2.md": other,
                    "ledger.yml": "max_pods_per_person: 10\n"]
        var head = base
        head["outcomes/a.md"] = Self.outcome(
            "health: at-risk\nhealth_note: slipping\nstart: 2026-10-01\ndue: 2027-04-30\nreview_by: 2027-02-15\nparent: q\ndepends_on: [d2]",
            title: "Grow artists everywhere", owner: "li", pod: "{li: [builder, operator], ana: communicator, sam: builder}",
            status: "proposed", done: "- [x] 500 artists by 2027-03-31\n- [ ] 20 labels by 2027-01-31\n- [ ] 3 markets by 2027-04-30")
        let changes = try Self.changes(base, head)
        let outcome = try #require(changes.outcomes.first { $0.id == "a" })
        #expect(outcome.kind == .changed)
        let aspects = outcome.changes.map(\.aspect)
        for aspect in [Change.Aspect.title, .owner, .status, .health, .reportedHealth, .start, .due, .reviewBy, .parent,
                       .memberJoined, .lenses, .doneAdded, .doneChecked, .doneUnchecked, .dependencyAdded, .dependencyRemoved] {
            #expect(aspects.contains(aspect), "\(aspect) missing from \(outcome.changes.map(\.sentence))")
        }
        #expect(outcome.changes.contains(Change(aspect: .status, before: "active", after: "proposed")))
        #expect(outcome.changes.contains(Change(aspect: .memberJoined, subject: "sam", after: "builder")))
        #expect(outcome.changes.contains(Change(aspect: .lenses, subject: "ana", before: "builder, communicator", after: "communicator")))
        #expect(outcome.changes.contains(Change(aspect: .doneChecked, subject: "500 artists by 2027-03-31")))
        #expect(outcome.changes.first { $0.aspect == .health }?.sentence == "health: on track → at risk")
        // The pod losing a member, and a done item removed.
        var smaller = base
        smaller["outcomes/a.md"] = Self.outcome("start: 2026-09-01\ndue: 2027-03-31\nreview_by: 2027-01-15\nparent: p\ndepends_on: [d1]",
                                                pod: "{ana: [builder, communicator, operator], sam: builder}", done: "- [ ] 500 artists by 2027-03-31")
        let fewer = try #require(try Self.changes(base, smaller).outcomes.first { $0.id == "a" })
        #expect(fewer.changes.contains(Change(aspect: .memberLeft, subject: "li")))
        #expect(fewer.changes.contains(Change(aspect: .doneRemoved, subject: "20 labels by 2027-01-31")))
    }

    @Test func reorderingDoneItemsIsNoChange() throws {
        let base = ["outcomes/a.md": Self.outcome(done: "- [ ] 1 by 2027-01-01\n- [x] 2 by 2027-01-01\n- [ ] 3 by 2027-01-01")]
        let head = ["outcomes/a.md": Self.outcome(done: "- [ ] 3 by 2027-01-01\n- [ ] 1 by 2027-01-01\n- [x] 2 by 2027-01-01")]
        #expect(try Self.changes(base, head).isEmpty)
    }

    @Test func outcomesAreMatchedByIdSoMovedFilesAreTheSameOutcome() throws {
        let base = ["outcomes/a.md": Self.outcome(), "outcomes/old-name.md": Self.outcome("id: kept", title: "Kept")]
        let head = ["outcomes/growth/a.md": Self.outcome(), "outcomes/new-name.md": Self.outcome("id: kept", title: "Kept")]
        let changes = try Self.changes(base, head)
        #expect(changes.outcomes.map(\.id) == ["a", "kept"])
        #expect(changes.outcomes.allSatisfy { $0.kind == .changed && $0.changes.map(\.aspect) == [.file] })
        #expect(changes.outcomes[0].changes[0].sentence == "file: outcomes/a.md → outcomes/growth/a.md")
    }

    @Test func addedAndRemovedOutcomes() throws {
        let changes = try Self.changes(["outcomes/a.md": Self.outcome()], ["outcomes/b.md": Self.outcome("due: 2027-01-31")])
        #expect(changes.outcomes.map(\.kind) == [.removed, .added])
        #expect(changes.outcomes[1].changes.map(\.sentence) == ["status: — → active", "owner: — → ana", "health: — → on track", "due: — → 2027-01-31"])
        #expect(changes.summary == "2 outcomes changed (1 added, 1 removed, 0 changed); 0 problems introduced, 0 fixed")
    }

    @Test func problemsTheChangeIntroducesAndFixes() throws {
        let base = ["outcomes/a.md": Self.outcome(pod: "{ana: [builder, communicator]}"), "outcomes/b.md": Self.outcome()]
        let head = ["outcomes/a.md": "\n\n" + Self.outcome(), "outcomes/b.md": Self.outcome(pod: "{ana: builder, li: operator}")]
        let changes = try Self.changes(base, head)
        #expect(changes.fixed.map(\.rule) == ["lens-coverage", "pod-size"])
        #expect(changes.introduced.map(\.rule) == ["front-matter-missing", "lens-coverage"])
        // A problem that only moved to another line is neither.
        let moved = try Self.changes(["outcomes/a.md": Self.outcome("tags: [x]", pod: "{ana: [builder, communicator]}")],
                                     ["outcomes/a.md": Self.outcome("tags: [x]\ndue: 2027-01-01", pod: "{ana: [builder, communicator]}")])
        #expect(moved.introduced.isEmpty && moved.fixed.isEmpty)
    }

    @Test func exitCodeSaysWhetherSomethingChanged() throws {
        let files = ["outcomes/a.md": Self.outcome()]
        let same = try Self.diff(files, files, ["--exit-code"])
        #expect(same.status == 0)
        #expect(same.standardOutput.hasSuffix("No changes to outcomes\n"))
        #expect(try Self.diff(files, ["outcomes/a.md": Self.outcome(status: "achieved")], ["--exit-code"]).status == 1)
        #expect(try Self.diff(files, ["outcomes/a.md": Self.outcome(status: "achieved")]).status == 0)
    }

    @Test func humanOutputIsColouredOnlyWhenAsked() throws {
        let run = try Self.diff(["outcomes/a.md": Self.outcome()], ["outcomes/a.md": Self.outcome(status: "achieved")])
        #expect(run.standardOutput.contains("~ outcomes/a.md  Grow artists on the platform [a] changed\n    status: active → achieved\n"))
        #expect(!run.standardOutput.contains("\u{1B}["))
        let coloured = try Self.diff(["outcomes/a.md": Self.outcome()], ["outcomes/a.md": Self.outcome(status: "achieved")], ["--color", "always"])
        #expect(coloured.standardOutput.contains("\u{1B}[1;33m~ outcomes/a.md"))
    }

    @Test func markdownIsACommentWithATablePerOutcome() throws {
        let run = try Self.diff(["outcomes/a.md": Self.outcome()],
                                ["outcomes/a.md": Self.outcome(title: "Grow | artists", status: "achieved")], ["--format", "markdown"])
        let lines = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == DiffMarkdownFormat.marker)
        #expect(lines[1].hasPrefix("**Outcomes**: 1 outcome changed (0 added, 0 removed, 1 changed)"))
        #expect(lines.contains("#### Grow \\| artists (`a`) — ✏️ changed"))
        #expect(lines.contains("| status | active | achieved |"))
        #expect(lines.contains("| title | Grow artists on the platform | Grow \\| artists |"))
    }

    @Test func markdownStaysUnderTheCommentLimitAndSaysWhatIsLeftOut() throws {
        var base: [String: String] = [:]
        var head: [String: String] = [:]
        for index in 0..<600 {
            base["outcomes/o\(index).md"] = Self.outcome(title: "Outcome \(index) " + String(repeating: "with a long title ", count: 4))
            head["outcomes/o\(index).md"] = Self.outcome(title: "Outcome \(index) renamed " + String(repeating: "with a long title ", count: 4),
                                                         status: "proposed")
        }
        let run = try Self.diff(base, head, ["--format", "markdown"])
        #expect(run.standardOutput.count <= DiffMarkdownFormat.characterLimit)
        #expect(run.standardOutput.contains("more sections left out to stay within the comment limit"))
        #expect(run.standardOutput.contains("600 outcomes changed"))
    }

    @Test func jsonMatchesItsSchema() throws {
        let run = try Self.diff(["outcomes/a.md": Self.outcome(), "outcomes/gone.md": Self.outcome()],
                                ["outcomes/a.md": Self.outcome(pod: "{ana: builder, li: operator}", status: "proposed"), "outcomes/new.md": Self.outcome()],
                                ["--format", "json"])
        let file = TestSupport.temporaryFolder().appendingPathComponent("diff.json")
        try run.standardOutput.write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            document = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator(schema).validate(document)
            print(document["counts"], [o["kind"] for o in document["outcomes"]], [d["rule"] for d in document["introduced"]])
            """
        let (status, output) = try TestSupport.python(script, TestSupport.repositoryRoot.appendingPathComponent("schemas/diff.schema.json").path, file.path)
        #expect(status == 0, "\(output)")
        #expect(output == "{'added': 1, 'changed': 1, 'fixed': 0, 'introduced': 1, 'removed': 1} ['changed', 'removed', 'added'] ['lens-coverage']\n")
        let schema = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("schemas/diff.schema.json"), encoding: .utf8)
        for aspect in Change.Aspect.allCases { #expect(schema.contains("\"\(aspect.rawValue)\""), "\(aspect)") }
    }

    @Test func foldersMustComeInPairsAndNotWithRevisions() throws {
        let root = TestSupport.ledger(["outcomes/a.md": Self.outcome()])
        #expect(try TestSupport.run(["diff", "--base-dir", root.path]).status == 2)
        #expect(try TestSupport.run(["diff", "HEAD", "--base-dir", root.path, "--head-dir", root.path]).status == 2)
        #expect(try TestSupport.run(["diff", "--format", "yaml", "--base-dir", root.path, "--head-dir", root.path]).status == 2)
    }
}

/// `outcomes diff` on git revisions: the working tree by default, two revisions, a ledger in
/// a folder of the repository, odd file names, and the errors a person meets.
struct GitDiffTests {
    static func diff(_ arguments: [String], in root: URL) throws -> TestSupport.Run {
        try TestSupport.run(["diff"] + arguments + ["--today", DiffTests.today], in: root)
    }

    @Test func theWorkingTreeAgainstHeadByDefault() throws {
        let root = try TestSupport.repository(["outcomes/a.md": DiffTests.outcome()])
        try TestSupport.write(DiffTests.outcome(status: "achieved"), to: "outcomes/a.md", in: root)
        let run = try Self.diff([], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("Comparing HEAD ("))
        #expect(run.standardOutput.contains(") with the working tree\n"))
        #expect(run.standardOutput.contains("    status: active → achieved\n"))
    }

    @Test func twoRevisionsOfALedgerInAFolderOfTheRepository() throws {
        let top = TestSupport.temporaryFolder()
        try TestSupport.write(DiffTests.outcome(), to: "plans/ledger/outcomes/a.md", in: top)
        try TestSupport.write("# not the ledger\n", to: "README.md", in: top)
        try TestSupport.git(["init", "-q"], in: top)
        try TestSupport.git(["add", "-A"], in: top)
        try TestSupport.git(["commit", "-q", "-m", "one"], in: top)
        try TestSupport.write(DiffTests.outcome(status: "proposed"), to: "plans/ledger/outcomes/a.md", in: top)
        try TestSupport.write(DiffTests.outcome(title: "New"), to: "plans/ledger/outcomes/b.md", in: top)
        try TestSupport.git(["add", "-A"], in: top)
        try TestSupport.git(["commit", "-q", "-m", "two"], in: top, date: "2026-10-01T10:00:00Z")
        // The working tree differs again, and must not matter between two revisions.
        try TestSupport.write(DiffTests.outcome(status: "dropped"), to: "plans/ledger/outcomes/a.md", in: top)
        let run = try TestSupport.run(["diff", "HEAD~1", "HEAD", "--root", "plans/ledger", "--format", "json", "--today", DiffTests.today], in: top)
        #expect(run.status == 0, "\(run.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(document["summary"] as? String == "2 outcomes changed (1 added, 0 removed, 1 changed); 0 problems introduced, 0 fixed")
        #expect((document["base"] as? String)?.hasPrefix("HEAD~1 (") == true)
    }

    @Test func fileNamesWithSpacesQuotesNewlinesAndAccentsWork() throws {
        let names = ["outcomes/with space.md", "outcomes/it's \"quoted\".md", "outcomes/new\nline.md", "outcomes/café-ünïcode.md"]
        var files: [String: String] = [:]
        for (index, name) in names.enumerated() { files[name] = DiffTests.outcome("id: o\(index)") }
        let root = try TestSupport.repository(files)
        for (index, name) in names.enumerated() { try TestSupport.write(DiffTests.outcome("id: o\(index)", status: "achieved"), to: name, in: root) }
        try TestSupport.git(["commit", "-q", "-a", "-m", "achieved"], in: root, date: "2026-10-01T10:00:00Z")
        let run = try Self.diff(["HEAD~1", "HEAD", "--format", "json"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let outcomes = try #require(document["outcomes"] as? [[String: Any]])
        #expect(Set(outcomes.compactMap { $0["file"] as? String }) == Set(names))
        #expect(outcomes.allSatisfy { $0["kind"] as? String == "changed" })
    }

    /// Past `objectsWorthTwoReaders` objects, two `git cat-file` processes share the reading:
    /// every file must still arrive, or outcomes would show as removed and added.
    @Test func aLargeLedgerReadByTwoGitProcessesLosesNoFile() throws {
        let count = GitRepository.objectsWorthTwoReaders + 100
        var files: [String: String] = [:]
        for index in 0..<count { files["outcomes/o\(index).md"] = DiffTests.outcome(title: "Outcome number \(index)") }
        let root = try TestSupport.repository(files)
        try TestSupport.write(DiffTests.outcome(title: "Outcome number 7", status: "achieved"), to: "outcomes/o7.md", in: root)
        try TestSupport.git(["commit", "-q", "-a", "-m", "achieved"], in: root, date: "2026-10-01T10:00:00Z")
        let run = try Self.diff(["HEAD~1", "HEAD", "--format", "json"], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect((document["summary"] as? String)?.hasPrefix("1 outcome changed (0 added, 0 removed, 1 changed);") == true)
    }

    /// Without git on the PATH, diff says so and offers the two-folder mode; a build
    /// simply has no history.
    @Test func withoutGitTheErrorSaysSo() throws {
        let root = try TestSupport.repository(["outcomes/a.md": DiffTests.outcome()])
        let empty = TestSupport.temporaryFolder()
        let run = try TestSupport.run(["diff", "HEAD", "HEAD", "--today", DiffTests.today], in: root, environment: ["PATH": empty.path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("the `git` command was not found"), "\(run.standardError)")
        let build = try TestSupport.run(["build", "--today", DiffTests.today], in: root, environment: ["PATH": empty.path])
        #expect(build.status == 0, "\(build.standardError)")
    }

    @Test func aLedgerAddedInThisChangeIsAllNew() throws {
        let root = TestSupport.temporaryFolder()
        try TestSupport.write("# README\n", to: "README.md", in: root)
        try TestSupport.git(["init", "-q"], in: root)
        try TestSupport.git(["add", "-A"], in: root)
        try TestSupport.git(["commit", "-q", "-m", "one"], in: root)
        try TestSupport.write(DiffTests.outcome(), to: "outcomes/a.md", in: root)
        let run = try Self.diff([], in: root)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("+ outcomes/a.md"))
    }

    @Test func outsideARepositoryTheErrorSaysSoAndOffersFolders() throws {
        let root = TestSupport.ledger(["outcomes/a.md": DiffTests.outcome()])
        let run = try Self.diff([], in: root)
        #expect(run.status == 2)
        #expect(run.standardError.contains("is not in a git repository; compare two folders with --base-dir and --head-dir instead"))
    }

    @Test func unknownAndHostileRevisionsAreRefused() throws {
        let root = try TestSupport.repository(["outcomes/a.md": DiffTests.outcome()])
        let unknown = try Self.diff(["no-such-branch"], in: root)
        #expect(unknown.status == 2)
        #expect(unknown.standardError == "outcomes: unknown revision `no-such-branch`: no branch, tag or commit has that name here\n")
        for hostile in ["--output=/tmp/owned", "-p"] {
            let run = try TestSupport.run(["diff", "HEAD", "--", hostile], in: root)
            #expect(run.status == 2, "\(hostile)")
            #expect(run.standardError.contains("revisions can't start with `-`"), "\(run.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: "/tmp/owned"))
    }

    @Test func aShallowCloneWithoutTheBaseSaysWhichFetchDepthFixesIt() throws {
        let origin = try TestSupport.repository(["outcomes/a.md": DiffTests.outcome()])
        try TestSupport.write(DiffTests.outcome(status: "achieved"), to: "outcomes/a.md", in: origin)
        try TestSupport.git(["commit", "-q", "-a", "-m", "two"], in: origin, date: "2026-10-01T10:00:00Z")
        let clone = TestSupport.temporaryFolder().appendingPathComponent("clone")
        try TestSupport.git(["clone", "-q", "--depth", "1", "file://\(origin.path)", clone.path], in: origin)
        let run = try Self.diff(["HEAD~1"], in: clone)
        #expect(run.status == 2)
        #expect(run.standardError.contains("is not in this shallow clone's history; fetch it, for example with `fetch-depth: 0`"))
    }
}
