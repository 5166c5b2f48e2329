import Foundation
import Testing
@testable import OutcomeLedger

/// `outcomes check` as CI and people run it: formats, options and exit codes.
struct CheckCommandTests {
    static let vague = RuleExample.file(body: "## Done when\n- [ ] Artists are happy\n\n## How\nAsk them.")

    @Test func jsonReportHasExactlyTheDocumentedShape() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: Self.vague])
        let run = try TestSupport.run(["check", root.path, "--format", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["version", "files", "errors", "warnings", "diagnostics"])
        #expect(object["version"] as? Int == 1)
        #expect(object["files"] as? Int == 1)
        #expect(object["errors"] as? Int == 0)
        #expect(object["warnings"] as? Int == 1)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(Set(diagnostics[0].keys) == ["file", "line", "column", "severity", "rule", "message", "help"])
        #expect(diagnostics[0]["file"] as? String == "outcomes/example.md")
        #expect(diagnostics[0]["line"] as? Int == 10)
        #expect(diagnostics[0]["column"] as? Int == 1)
        #expect(diagnostics[0]["severity"] as? String == "warning")
        #expect(diagnostics[0]["rule"] as? String == "done-measurable")
        // Keys in the documented order.
        #expect(run.standardOutput.hasPrefix("{\n  \"version\": 1,\n  \"files\": 1,\n  \"errors\": 0,\n  \"warnings\": 1,"))
    }

    @Test func warningsAloneExitZero() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: Self.vague])
        let run = try TestSupport.run(["check", root.path])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasSuffix("0 errors, 1 warning in 1 file\n"))
    }

    @Test func strictTurnsWarningsIntoErrors() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: Self.vague])
        let run = try TestSupport.run(["check", root.path, "--strict"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error: done item has nothing to measure it by"))
        #expect(run.standardOutput.hasSuffix("1 error, 0 warnings in 1 file\n"))
    }

    @Test func maxWarningsFailsOnlyAboveTheLimit() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: Self.vague])
        #expect(try TestSupport.run(["check", root.path, "--max-warnings", "1"]).status == 0)
        #expect(try TestSupport.run(["check", root.path, "--max-warnings", "0"]).status == 1)
    }

    @Test func todayDecidesWhatIsOverdue() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(
            RuleExample.standardFrontMatter + "\nreview_by: 2027-01-15")])
        let before = try TestSupport.run(["check", root.path, "--today", "2027-01-15", "--format", "json"])
        #expect(!before.standardOutput.contains("review-overdue"))
        let after = try TestSupport.run(["check", root.path, "--today", "2027-01-16", "--format", "json"])
        #expect(after.standardOutput.contains("review-overdue"))
    }

    @Test func theToolThatCannotRunExitsTwo() throws {
        let missing = try TestSupport.run(["check", "/nonexistent/ledger"])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("no such folder: /nonexistent/ledger"))

        let notALedger = try TestSupport.run(["check", TestSupport.temporaryFolder().path])
        #expect(notALedger.status == 2)
        #expect(notALedger.standardError.contains("is not a ledger"))

        let file = TestSupport.temporaryFolder().appendingPathComponent("file")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["check", file.path]).status == 2)
    }

    @Test(arguments: [
        ["check", "--format", "xml"],
        ["check", "--today", "2027-13-01"],
        ["check", "--max-warnings", "-1"],
        ["check", "--no-such-flag"],
        ["no-such-command"],
    ])
    func badArgumentsExitTwo(arguments: [String]) throws {
        let run = try TestSupport.run(arguments, in: URL(fileURLWithPath: TestSupport.example("music-app")))
        #expect(run.status == 2)
        #expect(run.standardError.contains("rror") || run.standardError.contains("unknown command"), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try TestSupport.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("--max-warnings"))
        let version = try TestSupport.run(["--version"])
        #expect(version.status == 0)
        // The version, then the commit the binary was built from (this checkout's HEAD).
        let head = try TestSupport.git(["rev-parse", "HEAD"], in: TestSupport.repositoryRoot)
        #expect(version.standardOutput == "\(ToolVersion.current) (commit \(head.prefix(12)))\n")
    }

    @Test func rootDefaultsToTheCurrentFolder() throws {
        let run = try TestSupport.run(["check"], in: URL(fileURLWithPath: TestSupport.example("ai-builder-pods")))
        #expect(run.status == 0)
        #expect(run.standardOutput == "0 errors, 0 warnings in 7 files\n")
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: Self.vague])
        let piped = try TestSupport.run(["check", root.path])
        #expect(!piped.standardOutput.contains("\u{1B}["))
        let forced = try TestSupport.run(["check", root.path, "--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(forced.standardOutput.contains("\u{1B}[1;33mwarning:\u{1B}[0m"))
        let never = try TestSupport.run(["check", root.path, "--color", "never"])
        #expect(!never.standardOutput.contains("\u{1B}["))
    }

    @Test func rulesCommandListsEveryRule() throws {
        let run = try TestSupport.run(["rules"])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count == RuleRegistry.all.count)
        for rule in RuleRegistry.all {
            #expect(lines.contains { $0.hasPrefix(rule.name + " ") && $0.contains(rule.summary) && $0.contains(rule.defaultSeverity.rawValue) })
        }
    }
}
