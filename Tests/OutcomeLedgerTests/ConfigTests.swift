import Foundation
import Testing
@testable import OutcomeLedger

/// `ledger.yml` and `people.yml`: settings take effect, and mistakes in them are located.
struct ConfigTests {
    static let soloPod = RuleExample.file("title: Grow\nowner: ana\npod: {ana: [builder, operator, communicator]}")

    @Test func ruleSettingsChangeSeverityOrSilence() throws {
        let asWarning = try TestSupport.compile(["ledger.yml": "rules: {pod-size: warning}\n", RuleExample.mainFile: Self.soloPod])
        #expect(asWarning.diagnostics("pod-size").map(\.severity) == [.warning])
        #expect(asWarning.errorCount == 0)

        let off = try TestSupport.compile(["ledger.yml": "rules:\n  pod-size: off\n", RuleExample.mainFile: Self.soloPod])
        #expect(off.diagnostics.isEmpty)

        let promoted = try TestSupport.compile(["ledger.yml": "rules: {done-measurable: error}\n",
                                                RuleExample.mainFile: CheckCommandTests.vague])
        #expect(promoted.diagnostics("done-measurable").map(\.severity) == [.error])
    }

    @Test func strictPromotesEveryWarning() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: CheckCommandTests.vague])
        #expect(try TestSupport.compile(root, strict: true).diagnostics.map(\.severity) == [.error])
    }

    @Test func podSizeAndLensesAreSettings() throws {
        let compilation = try TestSupport.compile([
            "ledger.yml": "pod_size: {min: 1, max: 1}\nlenses: [maker]\n",
            RuleExample.mainFile: RuleExample.file("title: Grow\nowner: ana\npod: {ana: maker}"),
        ])
        #expect(compilation.diagnostics.isEmpty, "\(compilation.diagnostics.map(\.message))")
    }

    @Test(arguments: [
        ("rules: {pod-sise: off}\n", "1:9", "did you mean `pod-size`?"),
        ("rules: {pod-size: loud}\n", "1:19", nil),
        ("pod_size: {min: 5, max: 2}\n", "1:11", nil),
        ("pod_size: {min: two}\n", "1:17", nil),
        ("outcomes: ../elsewhere\n", "1:11", nil),
        ("lenses: []\n", "1:9", nil),
        ("lenses: [builder, builder]\n", "1:9", nil),
        ("max_pods_per_person: 0\n", "1:22", nil),
        ("- just\n- a list\n", "1:1", nil),
        ("title: [a\n", "1:8", "end it with `]` on the same line"),
        ("pod_size: 5\n", "1:11", "write `pod_size: {min: 2, max: 5}`"),
        ("rules: {lens-coverage: warn}\n", "1:24", "did you mean `warning`?"),
    ] as [(String, String, String?)])
    func configMistakesAreLocated(config: String, position: String, hint: String?) throws {
        let compilation = try TestSupport.compile(["ledger.yml": config, RuleExample.mainFile: RuleExample.file()])
        let problems = compilation.diagnostics("config")
        #expect(problems.count == 1, "\(problems.map(\.message))")
        #expect(problems.first?.position == "ledger.yml:\(position)")
        if let hint { #expect(problems.first?.hint == hint) }
    }

    @Test func aNamedOutcomesFolderThatIsMissingIsAConfigError() throws {
        let root = TestSupport.ledger(["ledger.yml": "outcomes: goals\n"])
        let compilation = try TestSupport.compile(root)
        #expect(compilation.diagnostics.map(\.position) == ["ledger.yml:1:11"])
        #expect(compilation.diagnostics.first?.rule == "config")
    }

    @Test func anotherOutcomesFolder() throws {
        let compilation = try TestSupport.compile(["ledger.yml": "outcomes: ./goals/\n", "goals/a.md": RuleExample.file()])
        #expect(compilation.ledger.outcomes.map(\.file) == ["goals/a.md"])
        #expect(compilation.diagnostics.isEmpty)
    }

    @Test func peopleMistakesAreLocated() throws {
        let compilation = try TestSupport.compile([
            "people.yml": "ana: {name: Ana, mail: a@example.com}\nli: Li Wei\n'no handle': {name: X}\nsam: {}\n",
            RuleExample.mainFile: RuleExample.file(),
        ])
        let problems = compilation.diagnostics("config").map { "\($0.position) \($0.message)" }
        #expect(problems == [
            "people.yml:1:18 unknown key `mail`",
            "people.yml:2:5 the entry for `li` must be a mapping, found a single value",
            "people.yml:3:1 `no handle` is not a valid handle",
            "people.yml:4:6 `sam` has no `name`",
        ])
        // A person with a problem in the roster is not reported again as unknown.
        #expect(compilation.diagnostics("unknown-person").map(\.message) == ["`li` is not in people.yml"])
    }
}
