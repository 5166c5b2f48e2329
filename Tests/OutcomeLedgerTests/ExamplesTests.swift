import Foundation
import Testing
@testable import OutcomeLedger

/// The example ledgers: the good ones are clean, the broken one matches its golden reports
/// and trips every rule.
struct ExamplesTests {
    @Test(arguments: ["music-app", "ai-builder-pods"])
    func goodExampleIsClean(name: String) throws {
        let run = try TestSupport.run(["check", TestSupport.example(name)])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("0 errors, 0 warnings in "), "\(run.standardOutput)")
        #expect(run.standardError.isEmpty)
    }

    @Test func goodExamplesStayCleanWithoutAFixedDate() throws {
        // Review dates are real dates: this fails the day one of them passes, as it should.
        for name in ["music-app", "ai-builder-pods"] {
            let compilation = try LedgerCompiler.compile(
                root: TestSupport.example(name), options: .init(today: TestSupport.today))
            #expect(compilation.diagnostics.isEmpty, "\(name): \(compilation.diagnostics.map(\.message))")
        }
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
