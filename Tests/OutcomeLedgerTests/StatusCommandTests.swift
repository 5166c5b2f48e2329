import Foundation
import Testing
@testable import OutcomeLedger

/// `outcomes status`: the Needs attention list in the terminal, as markdown and as JSON,
/// and the exit codes a release gate relies on.
struct StatusCommandTests {
    static func status(_ arguments: [String], root: String = TestSupport.example("music-app")) throws -> TestSupport.Run {
        try TestSupport.run(["status", root, "--today", "2026-11-21", "--no-history"] + arguments)
    }

    @Test func humanListsTheWorstFirstWithTheirSignals() throws {
        let run = try Self.status([])
        #expect(run.status == 0)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "off track  Artists are paid within 30 days of each month's end [artist-payouts]")
        #expect(lines.contains("           Jo Martins · due 2026-11-15 · outcomes/artist-payouts.md"))
        #expect(lines.contains("           - past due: was due on 2026-11-15, 6 days ago"))
        #expect(lines.last == "Music app: 1 off track, 5 at risk, 1 on track (7 open); 1 achieved, 1 dropped")
        let atRisk = lines.firstIndex { $0.hasPrefix("at risk") }!
        let offTrack = lines.lastIndex { $0.hasPrefix("off track") }!
        #expect(offTrack < atRisk)
        #expect(!run.standardOutput.contains("\u{1B}["))
    }

    @Test func failOnGatesOnTheLevelOrWorse() throws {
        #expect(try Self.status(["--fail-on", "off-track"]).status == 1)
        #expect(try Self.status(["--fail-on", "at-risk"]).status == 1)
        let calm = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(RuleExample.standardFrontMatter + "\nhealth: at-risk")])
        #expect(try Self.status(["--fail-on", "off-track"], root: calm.path).status == 0)
        #expect(try Self.status(["--fail-on", "at-risk"], root: calm.path).status == 1)
        #expect(try Self.status(["--fail-on", "on-track"]).status == 2)
        #expect(try Self.status(["--format", "yaml"]).status == 2)
    }

    @Test func aCalmLedgerSaysSo() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file()])
        let run = try Self.status([], root: root.path)
        #expect(run.status == 0)
        #expect(run.standardOutput == "Nothing needs attention: every open outcome is on track.\nOutcomes: 0 off track, 0 at risk, 1 on track (1 open); 0 achieved, 0 dropped\n")
    }

    @Test func markdownIsATableThatFitsAComment() throws {
        let run = try Self.status(["--format", "markdown"])
        #expect(run.status == 0)
        #expect(run.standardOutput.hasPrefix("**Music app**: 1 off track, 5 at risk, 1 on track (7 open); 1 achieved, 1 dropped.\n\n| Health | Outcome | Owner | Due | Why |\n"))
        #expect(run.standardOutput.contains("| ■ off track | Artists are paid within 30 days of each month's end (`artist-payouts`) | Jo Martins | 2026-11-15 | past due: was due on 2026-11-15, 6 days ago<br>review overdue: the owner's review was due on 2026-11-10 |"))
        // Cells can't be broken by what authors write.
        #expect(StatusMarkdownFormat.escape("a | b\nc `d`") == "a \\| b c \\`d\\`")
    }

    @Test func markdownStaysUnderTheCommentLimitAndSaysWhatIsLeftOut() throws {
        var files: [String: String] = [:]
        for index in 0..<900 {
            files["outcomes/o\(index).md"] = RuleExample.file(
                "title: \(String(repeating: "Long title ", count: 8))\(index)\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nstatus: active\ndue: 2026-01-01")
        }
        files["ledger.yml"] = "max_pods_per_person: 100000\n"
        let run = try Self.status(["--format", "markdown"], root: TestSupport.ledger(files).path)
        #expect(run.standardOutput.count <= StatusMarkdownFormat.characterLimit)
        #expect(run.standardOutput.contains("more outcomes need attention; `outcomes status` lists them all."))
    }

    @Test func jsonMatchesItsSchema() throws {
        let run = try Self.status(["--format", "json"])
        #expect(run.status == 0)
        let file = TestSupport.temporaryFolder().appendingPathComponent("status.json")
        try run.standardOutput.write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            document = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator(schema).validate(document)
            print(len(document["attention"]), document["health"]["off-track"], document["attention"][0]["signals"][0]["name"])
            """
        let (status, output) = try TestSupport.python(
            script, TestSupport.repositoryRoot.appendingPathComponent("schemas/status.schema.json").path, file.path)
        #expect(status == 0, "\(output)")
        #expect(output == "6 1 past-due\n")
    }
}
