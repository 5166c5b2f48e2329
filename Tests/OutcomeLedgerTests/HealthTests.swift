import Foundation
import Testing
@testable import OutcomeLedger

/// Every signal's documented examples are executable, the registry is complete, and the
/// health stage combines signals and settings as docs/health.md says.
struct SignalExamplesTests {
    static let cases: [(String, Int)] = SignalRegistry.all.flatMap { signal in
        signal.examples.indices.map { (signal.name, $0) }
    }

    static func compile(_ files: [String: String]) throws -> Compilation {
        try LedgerCompiler.compile(root: TestSupport.ledger(files).path, options: .init(today: SignalExample.today))
    }

    @Test("each signal example behaves as documented", arguments: cases)
    func example(signal name: String, index: Int) throws {
        let signal = try #require(SignalRegistry.signal(named: name))
        let example = signal.examples[index]
        let compilation = try Self.compile(example.files)
        let judgement = try #require(compilation.judgement(of: example.subject), "no judgement for \(example.subject)")
        let fired = judgement.signals.filter { $0.name == name }
        if example.triggers {
            #expect(fired.count == 1, "\(name) example \(index) should fire; got \(judgement.signals)")
            #expect(fired.first.map { !$0.message.isEmpty } ?? false)
        } else {
            #expect(fired.isEmpty, "\(name) example \(index) should stay quiet; got \(fired.map(\.message))")
        }
    }

    @Test func everySignalHasAFiringAndAQuietExample() {
        // `stale` reads git history, which text files can't hold: HistoryTests covers it.
        for signal in SignalRegistry.all where signal.name != StaleSignal.name {
            #expect(signal.examples.contains { $0.triggers }, "\(signal.name) has no firing example")
            #expect(signal.examples.contains { !$0.triggers }, "\(signal.name) has no quiet example")
        }
    }

    @Test func registryListsEverySignalFile() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Sources/OutcomeLedger/Health")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix("Signal.swift") && $0 != "HealthSignal.swift" }
            .map { String($0.dropLast(6)) }
        #expect(Set(files) == Set(SignalRegistry.all.map { String(describing: $0) }))
        let names = SignalRegistry.names
        #expect(Set(names).count == names.count)
        for name in names { #expect(name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(name)") }
    }
}

struct HealthJudgeTests {
    static func outcome(
        _ id: String, _ extra: String = "", status: String = "active", done: String = "- [ ] 500 artists by 2027-03-31"
    ) -> (String, String) {
        ("outcomes/\(id).md", RuleExample.file(RuleExample.standardFrontMatter.replacingStatus(with: status) + "\n" + extra,
                                                 body: "## Done when\n\(done)\n\n## How\nInvite artists."))
    }

    static func compile(_ outcomes: [(String, String)], config: String? = nil) throws -> Compilation {
        var files = Dictionary(uniqueKeysWithValues: outcomes)
        if let config { files["ledger.yml"] = config }
        return try SignalExamplesTests.compile(files)
    }

    @Test func theWorstSignalDecidesAndComesFirst() throws {
        let compilation = try Self.compile([Self.outcome("a", "review_by: 2026-11-01\ndue: 2026-11-02")])
        let judgement = try #require(compilation.judgement(of: "a"))
        #expect(judgement.level == .offTrack)
        #expect(judgement.signals.map(\.name) == ["past-due", "review-overdue"])
        #expect(judgement.signals.map(\.level) == [.offTrack, .atRisk])
    }

    /// Health is judged when first asked for, from what the compilation holds then: a
    /// compilation changed afterwards is judged again, and a copy keeps its own.
    @Test func healthFollowsWhatItIsJudgedFrom() throws {
        var compilation = try Self.compile([Self.outcome("a", "review_by: 2026-11-01\ndue: 2027-06-30")])
        let before = compilation
        #expect(compilation.judgement(of: "a")?.signals.map(\.name) == ["review-overdue"])
        compilation.today = CalendarDate("2026-10-01")
        #expect(compilation.judgement(of: "a")?.signals.isEmpty == true, "judged again at the new date")
        #expect(before.judgement(of: "a")?.signals.map(\.name) == ["review-overdue"], "the copy keeps its own")
        compilation.ledger.outcomes.removeAll()
        #expect(compilation.health.judgements.isEmpty, "judged again for the changed ledger")
        compilation.health = .empty(count: 0, today: CalendarDate("2026-10-01")!)
        #expect(compilation.health.today == CalendarDate("2026-10-01"), "a health given is kept")
        let undated = Compilation(ledger: before.ledger, diagnostics: [], outcomeFiles: [])
        #expect(undated.health.judgements == [nil], "nothing is judged without a date")
    }

    @Test func noSignalMeansOnTrackAndTheOwnersCallIsKept() throws {
        let compilation = try Self.compile([Self.outcome("a", "health: on-track\ndue: 2027-06-30")])
        let judgement = try #require(compilation.judgement(of: "a"))
        #expect(judgement.level == .onTrack)
        #expect(judgement.signals.isEmpty)
        #expect(judgement.reported == .onTrack)
    }

    @Test func theOwnersCallIsNeverOverriddenByDates() throws {
        let compilation = try Self.compile([Self.outcome("a", "health: off-track\nhealth_note: Label walked away\ndue: 2027-06-30")])
        let judgement = try #require(compilation.judgement(of: "a"))
        #expect(judgement.level == .offTrack)
        #expect(judgement.signals.first?.message == "ana reports it off track: Label walked away")
    }

    @Test func achievedAndDroppedOutcomesHaveNoHealth() throws {
        let compilation = try Self.compile([
            Self.outcome("a", "due: 2020-01-01", status: "achieved", done: "- [x] 500 artists by 2027-03-31"),
            Self.outcome("b", "due: 2020-01-01", status: "dropped"),
        ])
        #expect(compilation.judgement(of: "a") == nil)
        #expect(compilation.judgement(of: "b") == nil)
    }

    @Test func settingsChangeLevelsAndTurnSignalsOff() throws {
        let outcome = Self.outcome("a", "review_by: 2026-11-01\ndue: 2026-11-02")
        let tuned = try Self.compile([outcome], config: "signals:\n  past-due: at-risk\n  review-overdue: off\n")
        let judgement = try #require(tuned.judgement(of: "a"))
        #expect(judgement.signals.map(\.name) == ["past-due"])
        #expect(judgement.level == .atRisk)
        #expect(tuned.diagnostics(Config.name).isEmpty)
    }

    @Test func behindMarginIsASetting() throws {
        // 324 of 365 days gone: 88 %, with 1 of 2 items checked (50 %): 38 points behind.
        let outcome = Self.outcome("a", "start: 2026-01-01\ndue: 2027-01-01",
                                   done: "- [x] 500 artists by 2027-03-31\n- [ ] 40 labels by 2027-03-31")
        #expect(try Self.compile([outcome]).judgement(of: "a")?.signals.map(\.name) == ["behind"])
        #expect(try Self.compile([outcome], config: "behind_margin: 40\n").judgement(of: "a")?.signals.isEmpty == true)
        #expect(try Self.compile([outcome], config: "behind_margin: 37\n").judgement(of: "a")?.signals.map(\.name) == ["behind"])
    }

    @Test func behindWorksAsDocsHealthSaysWithTheDefaultMargin() throws {
        // docs/health.md: half the time gone, 1 of 4 items checked: 25 points, not more than 25.
        let items = "- [x] 1 by 2027-03-01\n- [ ] 2 by 2027-03-01\n- [ ] 3 by 2027-03-01\n- [ ] 4 by 2027-03-01"
        let files = Dictionary(uniqueKeysWithValues: [Self.outcome("a", "start: 2026-11-01\ndue: 2026-12-31", done: items)])
        let root = TestSupport.ledger(files)
        let onTime = try LedgerCompiler.compile(root: root.path, options: .init(today: CalendarDate("2026-12-01")!))
        #expect(onTime.judgement(of: "a")?.signals.isEmpty == true)
        let later = try LedgerCompiler.compile(root: root.path, options: .init(today: CalendarDate("2026-12-02")!))
        #expect(later.judgement(of: "a")?.signals.map(\.name) == ["behind"])
    }

    @Test func badSignalSettingsAreConfigErrorsWithSuggestions() throws {
        let compilation = try Self.compile([Self.outcome("a")], config: """
            signals:
              pastdue: off
              blocked: yellow
              reported: off-track
            behind_margin: 120
            """)
        let problems = compilation.diagnostics(Config.name)
        #expect(problems.count == 4, "\(problems.map(\.message))")
        #expect(problems.contains { $0.message == "unknown health signal `pastdue`" && $0.hint == "did you mean `past-due`?" })
        #expect(problems.contains { $0.message.hasPrefix("signal `blocked` must be set to") })
        #expect(problems.contains { $0.message.hasPrefix("the `reported` signal takes the level the owner reports") })
        #expect(problems.contains { $0.message.hasPrefix("`behind_margin` must be") && $0.position == "ledger.yml:5:16" })
    }

    @Test func blockedReadsTheDependencysOwnSignalsNotItsBlockedOne() throws {
        // c is past due (off track); b depends on c (blocked: at risk); a depends on b, which is
        // only at risk, so a is not blocked.
        let compilation = try Self.compile([
            Self.outcome("a", "depends_on: [b]"), Self.outcome("b", "depends_on: [c]"), Self.outcome("c", "due: 2026-10-01"),
        ])
        #expect(compilation.judgement(of: "c")?.level == .offTrack)
        #expect(compilation.judgement(of: "b")?.signals.map(\.name) == ["blocked"])
        #expect(compilation.judgement(of: "b")?.signals.first?.message
            == "depends on Grow artists on the platform, which was due on 2026-10-01")
        #expect(compilation.judgement(of: "a")?.signals.isEmpty == true)
    }

    @Test func aParentIsNeverOnTrackWhileSomethingBelowIsOffTrack() throws {
        let compilation = try Self.compile([
            Self.outcome("root"), Self.outcome("mid", "parent: root"), Self.outcome("leaf", "parent: mid\ndue: 2026-10-01"),
        ])
        for id in ["root", "mid"] {
            let judgement = try #require(compilation.judgement(of: id))
            #expect(judgement.level == .atRisk, "\(id)")
            #expect(judgement.signals.map(\.name) == ["child-off-track"])
        }
        #expect(compilation.judgement(of: "root")?.signals.first?.message == "1 outcome below it is off track: Grow artists on the platform")
    }

    @Test func healthIsTheSameOnEveryRun() throws {
        let files = (0..<40).map { Self.outcome("o\($0)", $0 > 0 ? "parent: o\($0 / 3)\ndue: 2026-1\($0 % 2)-01" : "") }
        let first = try Self.compile(files).health
        let second = try Self.compile(files).health
        #expect(first.judgements == second.judgements)
        #expect(first.rollups == second.rollups)
    }
}

struct RollupTests {
    static func file(_ id: String, parent: String?, status: String = "active", done: String) -> (String, String) {
        let frontMatter = RuleExample.standardFrontMatter.replacingStatus(with: status) + (parent.map { "\nparent: \($0)" } ?? "")
        return ("outcomes/\(id).md", RuleExample.file(frontMatter, body: "## Done when\n\(done)\n\n## How\nInvite artists."))
    }

    @Test func subtreesSumDoneItemsLeavingDroppedOnesOut() throws {
        let compilation = try HealthJudgeTests.compile([
            Self.file("root", parent: nil, done: "- [x] 1 by 2027-01-01\n- [ ] 2 by 2027-01-01"),
            Self.file("a", parent: "root", done: "- [x] 3 by 2027-01-01"),
            Self.file("b", parent: "root", status: "achieved", done: "- [x] 4 by 2027-01-01\n- [x] 5 by 2027-01-01"),
            Self.file("c", parent: "root", status: "dropped", done: "- [ ] 6 by 2027-01-01\n- [ ] 7 by 2027-01-01"),
            Self.file("a1", parent: "a", done: "- [ ] 8 by 2027-01-01\n- [ ] 9 by 2027-01-01\n- [ ] 10 by 2027-01-01"),
        ])
        let root = try #require(compilation.rollup(of: "root"))
        #expect(root.progress == Progress(checked: 4, total: 8))
        #expect(root.descendants == 4)
        #expect(root.byStatus == [.active: 2, .achieved: 1, .dropped: 1])
        #expect(root.byHealth == [.onTrack: 2])
        #expect(root.worst == .onTrack)
        let a = try #require(compilation.rollup(of: "a"))
        #expect(a.progress == Progress(checked: 1, total: 4))
        #expect(a.descendants == 1)
        #expect(compilation.rollup(of: "a1") == nil, "a leaf has no roll-up")
        #expect(compilation.rollup(of: "c") == nil)
    }

    @Test func theWorstHealthBelowIsCountedAndSaid() throws {
        let compilation = try HealthJudgeTests.compile([
            Self.file("root", parent: nil, done: "- [ ] 1 by 2027-01-01"),
            HealthJudgeTests.outcome("late", "parent: root\ndue: 2026-01-01"),
            HealthJudgeTests.outcome("shaky", "parent: root\nhealth: at-risk"),
            Self.file("fine", parent: "root", done: "- [ ] 1 by 2027-01-01"),
            Self.file("done", parent: "root", status: "achieved", done: "- [x] 1 by 2027-01-01"),
        ], config: "max_pods_per_person: 9\n")
        let root = try #require(compilation.rollup(of: "root"))
        #expect(root.worst == .offTrack)
        #expect(root.byHealth == [.offTrack: 1, .atRisk: 1, .onTrack: 1])
        #expect(root.sentence == "4 outcomes below: 1 off track, 1 at risk, 1 on track, 1 achieved")
    }

    @Test func parentCyclesAndDeepChainsEndAndCountEachOutcomeOnce() throws {
        var files = [Self.file("x", parent: "y", done: "- [ ] 1 by 2027-01-01"), Self.file("y", parent: "x", done: "- [ ] 1 by 2027-01-01")]
        for index in 0..<3000 {
            files.append(Self.file("c\(index)", parent: index == 0 ? nil : "c\(index - 1)", done: "- [x] 1 by 2027-01-01"))
        }
        let compilation = try HealthJudgeTests.compile(files)
        #expect(compilation.rollup(of: "c0")?.descendants == 2999)
        #expect(compilation.rollup(of: "c0")?.progress == Progress(checked: 3000, total: 3000))
        let x = compilation.rollup(of: "x")?.descendants ?? 0
        let y = compilation.rollup(of: "y")?.descendants ?? 0
        #expect(x + y == 1, "one of the two is the other's child, never both")
    }
}

extension Compilation {
    func judgement(of id: String) -> Judgement? {
        ledger.indexByID[id].flatMap { health.judgements[$0] }
    }

    func rollup(of id: String) -> Rollup? {
        ledger.indexByID[id].flatMap { health.rollups[$0] }
    }
}

