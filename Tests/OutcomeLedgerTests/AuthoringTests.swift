import Foundation
import Testing
@testable import OutcomeLedger

/// `outcomes init` and `outcomes new`: from an empty folder to outcomes that pass check.
struct AuthoringTests {
    @Test func initWritesALedgerThatPassesCheck() throws {
        let folder = TestSupport.temporaryFolder().appendingPathComponent("team-ledger")
        let run = try TestSupport.run(["init", folder.path])
        #expect(run.status == 0, "\(run.standardError)")
        for path in ["ledger.yml", "people.yml", LedgerScaffold.exampleOutcomePath, ".gitignore"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path), "\(path)")
        }
        let check = try TestSupport.run(["check", folder.path])
        #expect(check.status == 0)
        #expect(check.standardOutput == "0 errors, 0 warnings in 1 file\n")
        #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8) == "_site/\n._site.outcomes-*/\n")
    }

    @Test func initsLedgerYMLHasEveryKeyAtItsDefault() throws {
        let text = LedgerScaffold.config(title: "Team")
        let keys = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(keys == ConfigParser.knownKeys)
        let (config, problems) = ConfigParser.parse(SourceText(path: "ledger.yml", text: text), ruleNames: RuleRegistry.names)
        #expect(problems.isEmpty)
        var expected = LedgerConfig()
        expected.title = "Team"
        expected.outcomesFolderLocation = config.outcomesFolderLocation
        #expect(config == expected)
    }

    @Test func initRefusesToOverwriteAndNamesTheFiles() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        let people = try String(contentsOf: folder.appendingPathComponent("people.yml"), encoding: .utf8)
        let again = try TestSupport.run(["init", folder.path])
        #expect(again.status == 2)
        #expect(again.standardError.contains("ledger.yml, people.yml, outcomes/first-outcome.md"))
        #expect(try String(contentsOf: folder.appendingPathComponent("people.yml"), encoding: .utf8) == people)
    }

    @Test func initAppendsToAnExistingGitignoreOnce() throws {
        let folder = TestSupport.temporaryFolder()
        try "node_modules".write(to: folder.appendingPathComponent(".gitignore"), atomically: true, encoding: .utf8)
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8) == "node_modules\n_site/\n._site.outcomes-*/\n")
    }

    @Test func initWithGitHubWritesTheDocumentedWorkflows() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", folder.path, "--ci", "github"]).status == 0)
        let blocks = try WorkflowDocumentationTests.yamlBlocks()
        for (path, _) in CIWorkflows.github() {
            let written = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            #expect(blocks.contains("# \(path)\n" + written.dropLast()), "\(path) differs from docs/ci.md")
        }
    }

    @Test func initWithGitLabWritesTheDocumentedPipeline() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", folder.path, "--ci", "gitlab"]).status == 0)
        let written = try String(contentsOf: folder.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)
        #expect(try WorkflowDocumentationTests.yamlBlocks().contains("# .gitlab-ci.yml\n" + written.dropLast()), ".gitlab-ci.yml differs from docs/ci.md")
        #expect(written.contains("OUTCOMES_IMAGE: \(CIWorkflows.defaultImage)\n"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".github").path))

        let own = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", own.path, "--ci", "gitlab", "--image", "registry.example.com/team/outcomes:0.1.0"]).status == 0)
        #expect(try String(contentsOf: own.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)
            .contains("OUTCOMES_IMAGE: registry.example.com/team/outcomes:0.1.0\n"))
        let variable = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", variable.path, "--ci", "gitlab", "--image", "$CI_REGISTRY_IMAGE/outcomes:0.1.0"]).status == 0)
        #expect(try String(contentsOf: variable.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)
            .contains("OUTCOMES_IMAGE: $CI_REGISTRY_IMAGE/outcomes:0.1.0\n"))
        // Each option belongs to its system, and an image name is one word.
        for arguments in [["--image", "a/b:1"], ["--ci", "github", "--image", "a/b:1"], ["--ci", "gitlab", "--action", "a/b@v1"],
                          ["--ci", "gitlab", "--image", "a b"], ["--ci", "gitlab", "--image", "x\ny: 1"]] {
            let run = try TestSupport.run(["init", TestSupport.temporaryFolder().path] + arguments)
            #expect(run.status == 2 && run.standardError.contains("--"), "\(arguments)")
        }
    }

    @Test func newWritesAnOutcomeAndListsWhatIsLeft() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        let run = try TestSupport.run(["new", "Grow: artists' uploads, é!", "--pod", "you:builder+communicator,teammate:operator",
                                       "--parent", "first-outcome"], in: folder)
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("outcomes/grow-artists-uploads-e.md\n"))
        #expect(run.standardOutput.contains("[done-measurable]"))
        let compilation = try TestSupport.compile(folder)
        let outcome = try #require(compilation.ledger.outcome(withID: "grow-artists-uploads-e"))
        #expect(outcome.title?.value == "Grow: artists' uploads, é!")
        #expect(outcome.owner?.value == "you")
        #expect(outcome.parent?.value == "first-outcome")
        #expect(outcome.pod?.map(\.handle.value) == ["you", "teammate"])
        #expect(compilation.errorCount == 0)
    }

    @Test func newMakesSlugsUniqueAndPutsFilesInSubfolders() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        #expect(try TestSupport.run(["new", "Ünïcode — Títle", "--owner", "you"], in: folder).standardOutput.hasPrefix("outcomes/unicode-title.md\n"))
        let second = try TestSupport.run(["new", "Unicode title", "--owner", "you", "--dir", "area"], in: folder)
        #expect(second.standardOutput.hasPrefix("outcomes/area/unicode-title-2.md\n"))
        #expect(try TestSupport.run(["new", "!!!", "--root", folder.path]).standardOutput.hasPrefix("outcomes/outcome.md\n"))
        #expect(try TestSupport.run(["new", "x", "--dir", "../out"], in: folder).status == 2)
    }

    @Test func newRefusesToOverwrite() throws {
        let folder = TestSupport.temporaryFolder()
        #expect(try TestSupport.run(["init", folder.path]).status == 0)
        // A file named like the slug whose id is something else: the slug is free, the path is not.
        try RuleExample.file(RuleExample.standardFrontMatter + "\nid: other").write(
            to: folder.appendingPathComponent("outcomes/grow-artists.md"), atomically: true, encoding: .utf8)
        let run = try TestSupport.run(["new", "Grow artists"], in: folder)
        #expect(run.status == 2)
        #expect(run.standardError.contains("not overwriting outcomes/grow-artists.md"))
    }

    @Test func slugRules() {
        #expect(OutcomeScaffold.uniqueID(for: "Grow ad revenue", taken: []) == "grow-ad-revenue")
        #expect(OutcomeScaffold.uniqueID(for: "  Crème brûlée -- 2027 ", taken: []) == "creme-brulee-2027")
        #expect(OutcomeScaffold.uniqueID(for: "Grow", taken: ["grow", "grow-2"]) == "grow-3")
        #expect(OutcomeScaffold.uniqueID(for: "漢字", taken: []) == "outcome")
        #expect(YAMLText.scalar("no") == "\"no\"")
        #expect(YAMLText.scalar("Grow artists") == "Grow artists")
        #expect(YAMLText.scalar("a: \"b\"") == #""a: \"b\"""#)
    }
}
