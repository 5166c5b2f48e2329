import Foundation
import Testing
import Yams
import OutcomeLedger
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
            .map { $0.components(separatedBy: " > ")[0] }
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
        #expect(count == 5)
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

    /// The check job hands the action `args`, which it appends to `outcomes check PATH`.
    @Test func theActionsCheckArgumentsAreAccepted() throws {
        let check = try #require(try Self.workflows()[".github/workflows/outcomes-check.yml"])
        let steps = Self.values(of: "steps", in: check).compactMap { $0 as? [[String: Any]] }.flatMap { $0 }
        let inputs = steps.filter { ($0["uses"] as? String)?.hasPrefix("outcomes-ledger/outcomes@") == true }
            .compactMap { $0["with"] as? [String: Any] }
        #expect(inputs.count == 2)
        let args = try #require(inputs.compactMap { $0["args"] as? String }.first)
        #expect(args.contains("--format sarif --output outcomes.sarif"))
        #expect(throws: Never.self) {
            var command = try OutcomesCLI.parseAsRoot(["check", "."] + Self.shellWords(args))
            try command.validate()
        }
        let action = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("action.yml"), encoding: .utf8)
        let declared = try #require(try Yams.load(yaml: action) as? [String: Any])
        let declaredInputs = try #require(declared["inputs"] as? [String: Any])
        for input in inputs.flatMap(\.keys) {
            #expect(declaredInputs[input] != nil, "the workflow passes \(input), which action.yml does not declare")
        }
        let defaultArgs = try #require((declaredInputs["args"] as? [String: Any])?["default"] as? String)
        #expect(throws: Never.self) { _ = try OutcomesCLI.parseAsRoot(["check", "."] + Self.shellWords(defaultArgs)) }
    }

    @Test func gitlabKeepsOneNoteOnTheMergeRequest() throws {
        let gitlab = try #require(try Self.workflows()[".gitlab-ci.yml"])
        #expect((gitlab["variables"] as? [String: Any])?["GIT_DEPTH"] as? Int == 0)
        let changes = try #require(gitlab["outcomes-changes"] as? [String: Any])
        let script = Self.strings(in: changes["script"] as Any).joined(separator: "\n")
        #expect(script.contains("--format markdown"))
        #expect(script.contains("<!-- outcomes diff -->"))
        #expect(script.contains("--request PUT") && script.contains("--request POST"))
    }

    /// Every workflow the project ships, and its action, passes the schemas GitHub and
    /// GitLab publish (through check-jsonschema, which ships them).
    @Test func shippedWorkflowsPassTheirPlatformsSchemas() throws {
        let folder = TestSupport.temporaryFolder()
        var files: [(schema: String, path: String)] = [
            ("vendor.github-actions", TestSupport.repositoryRoot.appendingPathComponent("action.yml").path),
            ("vendor.github-workflows", TestSupport.repositoryRoot.appendingPathComponent(".github/workflows/release.yml").path),
        ]
        for block in try Self.yamlBlocks() {
            let name = String(block.split(separator: "\n")[0].dropFirst(2))
            // pre-commit publishes no schema for its configuration.
            guard let schema = name.hasPrefix(".github/workflows/") ? "vendor.github-workflows"
                : name == ".gitlab-ci.yml" ? "vendor.gitlab-ci" : nil else { continue }
            let file = folder.appendingPathComponent("docs-\(files.count).yml")
            try block.write(to: file, atomically: true, encoding: .utf8)
            files.append((schema, file.path))
        }
        for (path, text) in CIWorkflows.github(action: "someone/outcomes@v1") {
            let file = folder.appendingPathComponent("init-\(files.count).yml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            files.append(("vendor.github-workflows", file.path))
            #expect(text.contains("uses: someone/outcomes@v1"), "\(path)")
        }
        let gitlab = folder.appendingPathComponent("init-gitlab.yml")
        try CIWorkflows.gitlab(image: "registry.example.com/team/outcomes:1")[0].text.write(to: gitlab, atomically: true, encoding: .utf8)
        files.append(("vendor.gitlab-ci", gitlab.path))
        #expect(files.count == 8)
        for file in files {
            let (status, output) = try TestSupport.python(
                "import sys; from check_jsonschema import main; sys.argv = ['check-jsonschema'] + sys.argv[1:]; main()",
                "--builtin-schema", file.schema, file.path)
            #expect(status == 0, "\(file.path) against \(file.schema): \(output)")
        }
    }

    @Test func preCommitHooksAreDeclared() throws {
        let text = try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = try #require(try Yams.load(yaml: text) as? [[String: Any]])
        #expect(hooks.map { $0["id"] as? String } == ["outcomes-check", "outcomes-check-installed"])
        #expect(hooks.map { $0["language"] as? String } == ["swift", "system"])
        for hook in hooks {
            #expect(hook["pass_filenames"] as? Bool == false)
            let entry = try #require(hook["entry"] as? String)
            #expect(throws: Never.self) { _ = try OutcomesCLI.parseAsRoot(Array(Self.shellWords(entry).dropFirst())) }
        }
    }
}
