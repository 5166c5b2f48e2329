import Foundation
import Testing
@testable import OutcomeLedger

/// The example ledgers: the good ones are clean, the broken one matches its golden reports
/// and trips every rule.
struct ExamplesTests {
    @Test func aiBuilderPodsIsClean() throws {
        let run = try TestSupport.run(["check", TestSupport.example("ai-builder-pods")])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("0 errors, 0 warnings in "), "\(run.standardOutput)")
        #expect(run.standardError.isEmpty)
    }

    /// The music app shows every health signal, so it carries the warnings that go with
    /// them — an overdue review, a person in too many pods, a pod missing a lens (a warning
    /// in its ledger.yml) — and passes `check` all the same.
    @Test func musicAppPassesWithTheWarningsItsSignalsBring() throws {
        let run = try TestSupport.run(["check", TestSupport.example("music-app")])
        #expect(run.status == 0)
        let compilation = try LedgerCompiler.compile(root: TestSupport.example("music-app"), options: .init(today: TestSupport.today))
        #expect(compilation.errorCount == 0)
        #expect(compilation.diagnostics.map(\.rule).sorted() == ["lens-coverage", "review-overdue", "span-of-ownership"])
    }

    @Test func musicAppShowsEverySignal() throws {
        let compilation = try LedgerCompiler.compile(root: TestSupport.example("music-app"), options: .init(today: TestSupport.today))
        let fired = Set(compilation.health.judgements.compactMap { $0 }.flatMap(\.signals).map(\.name))
        // `stale` needs git history: HistoryTests and examples/try-history.sh show it.
        let expected = Set(SignalRegistry.names).subtracting([StaleSignal.name])
        #expect(fired == expected, "missing: \(expected.subtracting(fired).sorted())")
        let levels = compilation.health.judgements.compactMap { $0?.level }
        #expect(levels.contains(.onTrack) && levels.contains(.atRisk) && levels.contains(.offTrack))
    }

    @Test func aiBuilderPodsStaysCleanWithoutAFixedDate() throws {
        // Review dates are real dates: this fails the day one of them passes, as it should.
        let compilation = try LedgerCompiler.compile(root: TestSupport.example("ai-builder-pods"), options: .init(today: .today()))
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
    }

    @Test func brokenExampleMatchesItsHumanGolden() throws {
        let run = try TestSupport.run(["check", TestSupport.example("broken"), "--today", "2026-11-21"],
                                      in: TestSupport.repositoryRoot)
        #expect(run.status == 1)
        try TestSupport.expectGolden(run.standardOutput, "broken.human.txt")
    }

    @Test func brokenExampleMatchesItsJSONGolden() throws {
        let run = try TestSupport.run(["check", TestSupport.example("broken"), "--today", "2026-11-21", "--format", "json"])
        #expect(run.status == 1)
        try TestSupport.expectGolden(run.standardOutput, "broken.json")
    }

    @Test func brokenExampleTripsEveryRule() throws {
        let compilation = try LedgerCompiler.compile(
            root: TestSupport.example("broken"), options: .init(today: TestSupport.today))
        // Template problems come from `outcomes build`; BuildTemplateTests trips that rule.
        let missing = Set(RuleRegistry.names).subtracting(compilation.rules).subtracting([TemplateProblem.name])
        #expect(missing.isEmpty, "rules that never fire in examples/broken: \(missing.sorted())")
    }
}
