import Foundation
import Testing
@testable import OutcomeLedger

/// The editor schemas say what the compiler enforces, and the committed copies are current.
struct EditorSchemaTests {
    static func committed(_ name: String) throws -> String {
        try String(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("schemas/\(name).schema.json"), encoding: .utf8)
    }

    static func object(_ name: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(committed(name).utf8)) as? [String: Any])
    }

    @Test(arguments: EditorSchemas.names)
    func commandPrintsTheCommittedFile(name: String) throws {
        let run = try TestSupport.run(["schema", name])
        #expect(run.status == 0)
        #expect(run.standardOutput == (try Self.committed(name)), "regenerate with: outcomes schema \(name) > schemas/\(name).schema.json")
    }

    @Test func unknownSchemaIsABadArgument() throws {
        #expect(try TestSupport.run(["schema", "people"]).status == 2)
    }

    /// An optional key's schema: the value's, without the null that stands for "not given".
    static func value(_ property: [String: Any]?) -> [String: Any]? {
        guard let choices = property?["anyOf"] as? [[String: Any]] else { return property }
        #expect(choices.count == 2 && choices[1]["type"] as? String == "null")
        return choices.first
    }

    @Test func frontMatterSchemaHasEveryKeyTypeAndEnum() throws {
        let schema = try Self.object("front-matter")
        let properties = try #require(schema["properties"] as? [String: [String: Any]]).mapValues { Self.value($0)! }
        #expect(Set(properties.keys) == Set(OutcomeParser.knownKeys))
        #expect(schema["required"] as? [String] == OutcomeParser.requiredKeys)
        #expect(properties["status"]?["enum"] as? [String] == OutcomeStatus.allCases.map(\.rawValue))
        #expect(schema["additionalProperties"] as? Bool == false)
        #expect((schema["patternProperties"] as? [String: Any])?.keys.first == "^x-")
        for key in ["depends_on", "tags"] {
            let choices = properties[key]?["anyOf"] as? [[String: Any]]
            #expect(choices?.first?["type"] as? String == "array", "\(key) is a list, or one value")
        }
        for key in ["id", "owner", "parent", "review_by"] { #expect(properties[key]?["type"] as? String == "string") }
        #expect(properties["title"]?["type"] as? [String] == ["string", "number", "boolean"])
        #expect(properties["pod"]?["type"] as? String == "object")
    }

    @Test func configSchemaHasEveryKeyRuleAndSetting() throws {
        let schema = try Self.object("config")
        let properties = try #require(schema["properties"] as? [String: [String: Any]]).mapValues { Self.value($0)! }
        #expect(Set(properties.keys) == Set(ConfigParser.knownKeys))
        let rules = try #require(properties["rules"])
        #expect((rules["propertyNames"] as? [String: Any])?["enum"] as? [String] == RuleRegistry.names)
        #expect((rules["additionalProperties"] as? [String: Any])?["enum"] as? [String] == RuleSetting.allCases.map(\.rawValue))
        #expect(properties["max_pods_per_person"]?["default"] as? Int == LedgerConfig().maxPodsPerPerson)
    }

    @Test func patternsAgreeWithTheCompiler() throws {
        let samples = ["ana", "li.wei", "Sam_O", "-x", "a b", "", "9lives", "é", "grow-artists", "Grow", "a--b", "x_y"]
        for sample in samples {
            let handle = sample.range(of: EditorSchemas.handlePattern, options: .regularExpression) != nil
            #expect(handle == Identifiers.isHandle(sample), "handle \(sample)")
            let slug = sample.range(of: EditorSchemas.slugPattern, options: .regularExpression) != nil
            #expect(slug == Identifiers.isSlug(sample), "slug \(sample)")
        }
    }

    /// Real front matter and configuration, read as plain data (dates stay text, as the
    /// compiler reads them), against the committed schemas.
    @Test func examplesValidateAndMistakesDoNot() throws {
        let script = """
            import json, sys, glob, yaml, jsonschema
            class Plain(yaml.SafeLoader): pass
            Plain.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                                             for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
            schemas, examples = sys.argv[1], sys.argv[2]
            front = jsonschema.Draft7Validator(json.load(open(schemas + "/front-matter.schema.json")))
            config = jsonschema.Draft7Validator(json.load(open(schemas + "/config.schema.json")))
            def matter(path):
                return yaml.load(open(path).read().split("---\\n")[1], Loader=Plain)
            good = glob.glob(examples + "/music-app/outcomes/*.md") + glob.glob(examples + "/ai-builder-pods/outcomes/*/*.md")
            for path in good:
                front.validate(matter(path))
            for name in ("music-app", "ai-builder-pods"):
                config.validate(yaml.load(open(examples + "/" + name + "/ledger.yml"), Loader=Plain))
            assert not front.is_valid(matter(examples + "/broken/outcomes/typos.md"))
            assert not config.is_valid(yaml.load(open(examples + "/broken/ledger.yml"), Loader=Plain))
            print(len(good))
            """
        let (status, output) = try TestSupport.python(
            script, TestSupport.repositoryRoot.appendingPathComponent("schemas").path,
            TestSupport.repositoryRoot.appendingPathComponent("examples").path)
        #expect(status == 0, "\(output)")
        #expect(output == "16\n")
    }

    /// Many generated front matters and ledger.yml files go through the tool and the
    /// schemas (YAML read as the tool reads it, dates as text): they must agree on every one.
    @Test func toolAndSchemasAgreeOnGeneratedFiles() throws {
        let script = TestSupport.repositoryRoot.appendingPathComponent("Tests/Schemas/agreement.py").path
        let (status, output) = try TestSupport.python(
            "import runpy, sys; sys.argv = sys.argv[1:]; runpy.run_path(sys.argv[0], run_name='__main__')",
            script, TestSupport.binary.path, TestSupport.repositoryRoot.appendingPathComponent("schemas").path, "--cases", "600")
        #expect(status == 0, "\(output)")
        #expect(output.contains("0 disagreement(s) in 800 generated files"), "\(output)")
    }
}
