import Foundation
import Testing
import Yams
@testable import OutcomesCommands

/// docs/ci.md's workflows are copied into real repositories: they must parse, and every
/// `outcomes` command in them must be one the tool accepts.
struct WorkflowDocumentationTests {
    static func yamlBlocks() throws -> [String] {
        let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        return text.components(separatedBy: "```yaml\n").dropFirst().map { $0.components(separatedBy: "\n```")[0] }
    }

    static func workflows() throws -> [String: [String: Any]] {
        var byName: [String: [String: Any]] = [:]
        for block in try yamlBlocks() {
            let name = String(block.split(separator: "\n")[0].dropFirst(2))
            byName[name] = try #require(try Yams.load(yaml: block) as? [String: Any], "\(name) is not a YAML mapping")
        }
        return byName
    }

    /// Every string in a parsed document.
    static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: return [text]
        case let list as [Any]: return list.flatMap(strings)
        case let map as [String: Any]: return map.values.flatMap(strings)
        default: return []
        }
    }

    /// Every string under a given key, at any depth.
    static func values(of key: String, in value: Any) -> [Any] {
        switch value {
        case let list as [Any]: return list.flatMap { values(of: key, in: $0) }
        case let map as [String: Any]:
            return map.flatMap { entry in (entry.key == key ? [entry.value] : []) + values(of: key, in: entry.value) }
        default: return []
        }
    }

    /// The arguments of every `outcomes …` command line in `run:` and `script:` steps, with
    /// CI expressions filled in.
    static func commands(in value: Any) -> [[String]] {
        (values(of: "run", in: value) + values(of: "script", in: value)).flatMap(strings)
            .flatMap { $0.split(separator: "\n") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("outcomes ") }
            .map { line in
                let filled = line.replacingOccurrences(of: #"\$\{\{[^}]*\}\}"#, with: "https://example.com/", options: .regularExpression)
                    .replacingOccurrences(of: #"\$[A-Z_]+"#, with: "https://example.com/", options: .regularExpression)
                return Array(shellWords(filled).dropFirst())
            }
    }

    /// Splits a command line on spaces, honouring double quotes.
    static func shellWords(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        for character in line {
            if character == "\"" { quoted.toggle(); continue }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    @Test func everyBlockParses() throws {
        let workflows = try Self.workflows()
        #expect(Set(workflows.keys) == [
            ".github/workflows/outcomes-check.yml", ".github/workflows/outcomes-pages.yml",
            ".gitlab-ci.yml", ".pre-commit-config.yaml in the ledger's repository",
        ])
    }

    @Test func everyOutcomesCommandIsAccepted() throws {
        var count = 0
        for (name, workflow) in try Self.workflows() {
            for arguments in Self.commands(in: workflow) {
                #expect(throws: Never.self, "\(name): outcomes \(arguments.joined(separator: " "))") {
                    var command = try OutcomesCLI.parseAsRoot(arguments)
                    try command.validate()
                }
                count += 1
            }
        }
        #expect(count == 4)
    }

    @Test func githubWorkflowsAnnotateUploadSARIFAndDeployPages() throws {
        let workflows = try Self.workflows()
        let check = Self.strings(in: try #require(workflows[".github/workflows/outcomes-check.yml"]))
        #expect(check.contains { $0.hasPrefix("github/codeql-action/upload-sarif@") })
        #expect(check.contains { $0.contains("--format github") && $0.contains("--format sarif --output outcomes.sarif") })
        let pages = Self.strings(in: try #require(workflows[".github/workflows/outcomes-pages.yml"]))
        for action in ["actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@"] {
            #expect(pages.contains { $0.hasPrefix(action) }, "\(action)")
        }
        #expect(pages.contains { $0.contains("--base-url \"${{ steps.pages.outputs.base_url }}\"") })
    }

    @Test func gitlabPipelineReportsCodeQualityAndJUnitAndPublishesPages() throws {
        let gitlab = try #require(try Self.workflows()[".gitlab-ci.yml"])
        let check = try #require(gitlab["outcomes-check"] as? [String: Any])
        let reports = try #require((check["artifacts"] as? [String: Any])?["reports"] as? [String: String])
        #expect(reports == ["codequality": "gl-code-quality-report.json", "junit": "outcomes-junit.xml"])
        let pages = try #require(gitlab["pages"] as? [String: Any])
        #expect((pages["artifacts"] as? [String: Any])?["paths"] as? [String] == ["public"])
    }

    @Test func preCommitHookIsDeclared() throws {
        let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(hooks.count == 1)
        #expect(hooks[0]["id"] as? String == "outcomes-check")
        #expect(hooks[0]["language"] as? String == "swift")
        #expect(hooks[0]["pass_filenames"] as? Bool == false)
        let entry = try #require(hooks[0]["entry"] as? String)
        #expect(throws: Never.self) { _ = try OutcomesCLI.parseAsRoot(Array(Self.shellWords(entry).dropFirst())) }
    }
}
