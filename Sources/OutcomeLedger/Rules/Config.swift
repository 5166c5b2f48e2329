/// `ledger.yml` and `people.yml` must be well-formed: they steer every other rule.
public enum Config: Rule {
    public static let name = "config"
    public static let defaultSeverity = Severity.error
    public static let summary = "`ledger.yml` or `people.yml` has a problem"
    public static let rationale = "`ledger.yml` and `people.yml` must be well-formed: they steer every other rule."

    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: ["ledger.yml": "pod_size: {min: 2, maks: 4}\n",
                                            RuleExample.mainFile: RuleExample.file()],
                    expectedLocation: "ledger.yml:1:20"),
        RuleExample(triggers: true, files: ["people.yml": "ana: {email: ana@example.com}\nli: {name: Li Wei}\n",
                                            RuleExample.mainFile: RuleExample.file()],
                    expectedLocation: "people.yml:1:6"),
        RuleExample(triggers: false, files: ["ledger.yml": "title: Music app\npod_size: {min: 2, max: 5}\n",
                                             "people.yml": "ana: {name: Ana Sousa}\nli: {name: Li Wei}\n",
                                             RuleExample.mainFile: RuleExample.file()]),
    ]

    static func problem(_ message: String, at location: SourceLocation, hint: String? = nil) -> Diagnostic {
        diagnostic(message, at: location, hint: hint)
    }
}
