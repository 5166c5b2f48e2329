import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomeSite

/// History from git: each outcome's life, what changed lately, the `stale` signal and
/// starts from first commits — the same for the same commits and date.
struct HistoryTests {
    /// One `git rev-parse` says where the ledger is in the repository and what `HEAD` is;
    /// before the first commit there is no `HEAD`, and outside a repository no repository.
    @Test func openingARepositoryFindsItsHead() async throws {
        let top = TestSupport.temporaryFolder()
        try TestSupport.write(DiffTests.outcome(), to: "plans/ledger/outcomes/a.md", in: top)
        let ledger = top.appendingPathComponent("plans/ledger").path
        await #expect(throws: GitError.notARepository(ledger)) { try await GitRepository.open(ledgerRoot: ledger) }
        _ = try TestSupport.git(["init", "-q"], in: top)
        let empty = try await GitRepository.open(ledgerRoot: ledger)
        #expect(empty.head == nil)
        #expect(empty.prefix == "plans/ledger/")
        #expect(!empty.isShallow)
        #expect(await HistoryReader.identity(root: ledger) == "no history")
        _ = try TestSupport.git(["add", "-A"], in: top)
        _ = try TestSupport.git(["commit", "-q", "-m", "one"], in: top)
        let head = try TestSupport.git(["rev-parse", "HEAD"], in: top).trimmingCharacters(in: .whitespacesAndNewlines)
        let opened = try await GitRepository.open(ledgerRoot: ledger)
        #expect(opened.head == head)
        #expect(opened.prefix == "plans/ledger/")
        #expect(URL(fileURLWithPath: opened.top).resolvingSymlinksInPath().path == top.resolvingSymlinksInPath().path)
        #expect(await HistoryReader.identity(root: ledger) == "history \(head)")
    }

    static let today = CalendarDate("2026-11-21")!

    /// A repository with three commits: the outcome is created, started, then moved.
    static func repository() throws -> URL {
        let root = try TestSupport.repository(
            ["outcomes/a.md": DiffTests.outcome("due: 2027-03-31", status: "proposed"),
             "outcomes/quiet.md": DiffTests.outcome(title: "Nobody touches this"),
             "ledger.yml": "max_pods_per_person: 10\n"], date: "2026-08-01T09:00:00Z")
        try TestSupport.write(DiffTests.outcome("due: 2027-03-31\nhealth: at-risk"), to: "outcomes/a.md", in: root)
        try TestSupport.git(["commit", "-q", "-a", "-m", "Start a"], in: root, date: "2026-10-01T12:00:00Z", author: "Li Wei")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("outcomes/growth"), withIntermediateDirectories: true)
        try TestSupport.git(["mv", "outcomes/a.md", "outcomes/growth/a.md"], in: root)
        try TestSupport.write(DiffTests.outcome("due: 2027-04-30\nhealth: at-risk"), to: "outcomes/growth/a.md", in: root)
        try TestSupport.git(["commit", "-q", "-a", "-m", "Move a"], in: root, date: "2026-11-15T23:30:00Z", author: "Sam Okafor")
        return root
    }

    static func compile(_ root: URL, today: CalendarDate = today) async throws -> Compilation {
        try await LedgerCompiler.compile(root: root.path, options: .init(today: today)).addingHistory(root: root.path, today: today)
    }

    @Test func eachOutcomeKnowsWhenItWasCreatedChangedAndLastTouched() async throws {
        let compilation = try await Self.compile(try Self.repository())
        let history = try #require(compilation.history?.outcomes["a"])
        #expect(history.created == HistoryMark(date: CalendarDate("2026-08-01")!, author: "Ana Sousa", commit: history.created.commit))
        #expect(history.lastChanged.date == CalendarDate("2026-11-15")!)
        #expect(history.lastChanged.author == "Sam Okafor")
        #expect(history.events.map(\.change.sentence) == ["status: proposed → active", "owner's health: — → at risk",
                                                           "due: 2027-03-31 → 2027-04-30"])
        #expect(history.events.map(\.mark.date.description) == ["2026-10-01", "2026-10-01", "2026-11-15"])
    }

    @Test func staleFiresOnAnOutcomeNobodyHasTouched() async throws {
        let compilation = try await Self.compile(try Self.repository())
        let quiet = try #require(compilation.judgement(of: "quiet"))
        #expect(quiet.signals.map(\.name).contains("stale"))
        #expect(quiet.signals.first { $0.name == "stale" }?.message == "its file has not changed since 2026-08-01 (112 days), by Ana Sousa")
        #expect(compilation.judgement(of: "a")?.signals.map(\.name).contains("stale") == false)
        // Without history, nothing can say an outcome is stale.
        let plain = try LedgerCompiler.compile(root: try Self.repository().path, options: .init(today: Self.today))
        #expect(plain.judgement(of: "quiet")?.signals.isEmpty == true)
        // The setting moves the threshold.
        let root = try Self.repository()
        try "max_pods_per_person: 10\nstale_after_days: 120\n".write(to: root.appendingPathComponent("ledger.yml"), atomically: true, encoding: .utf8)
        #expect(try await Self.compile(root).judgement(of: "quiet")?.signals.map(\.name).contains("stale") == false)
    }

    @Test func theFirstCommitStandsForAMissingStart() async throws {
        // Created 2026-08-01, due 2027-04-30, half its items done: by 2027-04-01 it is behind.
        let today = CalendarDate("2027-04-01")!
        let compilation = try await Self.compile(try Self.repository(), today: today)
        let signals = try #require(compilation.judgement(of: "a")).signals
        #expect(signals.contains { $0.name == "behind" && $0.message.hasPrefix("89 % of the time from 2026-08-01 to 2027-04-30") })
        // Without history there is no start, so nothing to measure the pace against.
        let plain = try LedgerCompiler.compile(root: try Self.repository().path, options: .init(today: today))
        #expect(plain.judgement(of: "a")?.signals.contains { $0.name == "behind" } == false)
    }

    @Test func whatChangedLatelyComparesWithTheLastCommitBeforeTheWindow() async throws {
        let compilation = try await Self.compile(try Self.repository())
        let recent = try #require(compilation.history?.recent)
        #expect(recent.outcomes.map(\.id) == ["a"])
        #expect(recent.outcomes[0].changes.map(\.sentence) == ["file: outcomes/a.md → outcomes/growth/a.md", "due: 2027-03-31 → 2027-04-30"])
        // A window that reaches back before every commit: everything is new.
        let root = try Self.repository()
        try "max_pods_per_person: 10\nhistory_days: 200\n".write(to: root.appendingPathComponent("ledger.yml"), atomically: true, encoding: .utf8)
        #expect(try await Self.compile(root).history?.recent?.outcomes.map(\.kind) == [.added, .added])
        // Nothing committed in the window: nothing changed.
        #expect(try await Self.compile(try Self.repository(), today: CalendarDate("2027-06-01")!).history?.recent?.isEmpty == true)
    }

    @Test func aShallowCloneGetsANoteNotAnError() async throws {
        let origin = try Self.repository()
        let clone = TestSupport.temporaryFolder().appendingPathComponent("clone")
        try TestSupport.git(["clone", "-q", "--depth", "1", "file://\(origin.path)", clone.path], in: origin)
        let compilation = try await Self.compile(clone)
        #expect(compilation.history?.note?.hasPrefix("History is not shown: the site was built from a shallow clone.") == true)
        #expect(compilation.history?.outcomes.isEmpty == true)
        let (run, output) = try BuildTests.build(clone.path)
        #expect(run.status == 0, "\(run.standardError)")
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("History is not shown: the site was built from a shallow clone."))
    }

    @Test func theSiteShowsHistoryAndTheSameCommitsGiveTheSameBytes() async throws {
        let root = try Self.repository()
        let (run, output) = try BuildTests.build(root.path)
        #expect(run.status == 0, "\(run.standardError)")
        let page = try String(contentsOf: output.appendingPathComponent("outcomes/a/index.html"), encoding: .utf8)
        #expect(page.contains("<li>Created <time datetime=\"2026-08-01\">2026-08-01</time> by Ana Sousa in <code>"))
        #expect(page.contains("2026-11-15</time>: due: 2027-03-31 → 2027-04-30 (Sam Okafor, <code>"))
        let index = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<h2 id=\"recent\">Changed in the last 14 days</h2>"))
        let (_, again) = try BuildTests.build(root.path)
        #expect(try BuildTests.files(in: again).filter { !$0.key.hasPrefix(".") } == BuildTests.files(in: output).filter { !$0.key.hasPrefix(".") })
        let (plain, withoutHistory) = try BuildTests.build(root.path, ["--no-history"])
        #expect(plain.status == 0)
        let plainPage = try String(contentsOf: withoutHistory.appendingPathComponent("outcomes/a/index.html"), encoding: .utf8)
        #expect(!plainPage.contains("id=\"history\""))
    }

    /// Also holds ledger.json to its promise of keys in byte order in every object, with
    /// history and roll-ups in it (the keys are written in order, not sorted as it is made).
    @Test func ledgerJSONCarriesHistoryAsItsSchemaSays() async throws {
        let (_, output) = try BuildTests.build(try Self.repository().path)
        let script = """
            import json, sys, jsonschema
            def in_order(pairs):
                keys = [key.encode() for key, _ in pairs]
                assert keys == sorted(keys), keys
                return dict(pairs)
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]), object_pairs_hook=in_order)
            jsonschema.Draft7Validator(schema).validate(document)
            a = [o for o in document["outcomes"] if o["id"] == "a"][0]["history"]
            print(a["created"]["date"], len(a["events"]), a["events"][-1]["aspect"])
            """
        let (status, text) = try TestSupport.python(script, TestSupport.repositoryRoot.appendingPathComponent("schemas/ledger.schema.json").path,
                                                    output.appendingPathComponent("ledger.json").path)
        #expect(status == 0, "\(text)")
        #expect(text == "2026-08-01 3 due\n")
    }

    @Test func aNewCommitRebuildsTheSiteAsACleanBuildWould() async throws {
        let root = try Self.repository()
        let output = TestSupport.temporaryFolder().appendingPathComponent("site")
        #expect(try RebuildTests.build(root, output).status == 0)
        // Only the history changes: a commit that touches no file.
        try TestSupport.git(["commit", "-q", "--allow-empty", "-m", "Nothing"], in: root, date: "2026-11-20T08:00:00Z")
        let rebuilt = try RebuildTests.build(root, output)
        #expect(rebuilt.status == 0)
        #expect(!rebuilt.standardOutput.hasPrefix("Up to date"), "a new commit means a new history")
        try TestSupport.write(DiffTests.outcome(status: "achieved", done: "- [x] 500 artists by 2027-03-31\n- [x] 20 labels by 2027-01-31"),
                              to: "outcomes/quiet.md", in: root)
        try TestSupport.git(["commit", "-q", "-a", "-m", "Quiet is done"], in: root, date: "2026-11-20T09:00:00Z")
        #expect(try RebuildTests.build(root, output).status == 0)
        try RebuildTests.expectSameAsCleanBuild(root, output)
    }

    /// `serve` keeps what it read from git between saves: each read must be what reading
    /// afresh gives — after a save (no commit: what changed lately follows the files) and
    /// after a commit (read again).
    @Test func keptHistoryIsWhatReadingAfreshGives() async throws {
        let root = try Self.repository()
        let kept = HistoryReader.Kept()
        func both() async throws -> (kept: LedgerHistory, fresh: LedgerHistory) {
            let compiled = try LedgerCompiler.compile(root: root.path, options: .init(today: Self.today))
            let fromKept = try #require(await HistoryReader.read(root: root.path, compilation: compiled, today: Self.today, kept: kept))
            let fresh = try #require(await HistoryReader.read(root: root.path, compilation: compiled, today: Self.today))
            return (fromKept, fresh)
        }
        func expectSame(_ pair: (kept: LedgerHistory, fresh: LedgerHistory), sourceLocation: Testing.SourceLocation = #_sourceLocation) {
            #expect(pair.kept.head == pair.fresh.head, sourceLocation: sourceLocation)
            #expect(pair.kept.outcomes == pair.fresh.outcomes, sourceLocation: sourceLocation)
            #expect(pair.kept.recent?.outcomes == pair.fresh.recent?.outcomes, sourceLocation: sourceLocation)
        }
        let first = try await both()
        expectSame(first)
        #expect(first.kept.recent?.outcomes.map(\.id) == ["a"])

        // A save: the same commit, and what changed lately now includes the saved file.
        try TestSupport.write(DiffTests.outcome(title: "Somebody touched this"), to: "outcomes/quiet.md", in: root)
        let saved = try await both()
        expectSame(saved)
        #expect(saved.kept.recent?.outcomes.map(\.id) == ["a", "quiet"])

        // A commit: read again.
        try TestSupport.git(["commit", "-q", "-a", "-m", "Touch quiet"], in: root, date: "2026-11-20T09:00:00Z")
        let committed = try await both()
        expectSame(committed)
        #expect(committed.kept.head != first.kept.head)
        #expect(committed.kept.outcomes["quiet"]?.lastChanged.date == CalendarDate("2026-11-20")!)
    }

    @Test func calendarDaysRoundTrip() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: day).dayNumber == day)
        }
        #expect(CalendarDate(dayNumber: 0).description == "1970-01-01")
        #expect(CalendarDate(secondsSince1970: 1_795_337_446).description == "2026-11-22")
        #expect(CalendarDate(secondsSince1970: -1).description == "1969-12-31")
        #expect(CalendarDate("2024-02-29")!.days(since: CalendarDate("2023-02-28")!) == 366)
    }
}
