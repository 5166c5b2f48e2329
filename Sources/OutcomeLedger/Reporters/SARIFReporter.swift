/// `--format sarif`: SARIF 2.1.0, the format GitHub code scanning and other security
/// dashboards import. Every rule is described in `tool.driver.rules`; each result points
/// at a repository-relative file under `%SRCROOT%`.
public struct SARIFReporter: Reporter {
    public static let identifier = "sarif"

    public init() {}

    public func report(_ compilation: Compilation, context: ReportContext) -> String {
        let rules = RuleRegistry.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.name, $0) })
        let fingerprints = Fingerprint.of(compilation.diagnostics)
        let results = zip(compilation.diagnostics, fingerprints).map { diagnostic, fingerprint -> JSONValue in
            .object([
                ("ruleId", .string(diagnostic.rule)),
                ("ruleIndex", .int(ruleIndex[diagnostic.rule] ?? 0)),
                ("level", .string(diagnostic.severity.rawValue)),
                ("message", .object([("text", .string(diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? "")))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([
                            ("uri", .string(Self.uri(context.path(diagnostic.location.file)))),
                            ("uriBaseId", .string("%SRCROOT%")),
                        ])),
                        ("region", .object([
                            ("startLine", .int(diagnostic.location.line)),
                            ("startColumn", .int(diagnostic.location.column)),
                        ])),
                    ])),
                ])])),
                ("partialFingerprints", .object([("outcomesFingerprint/v1", .string(fingerprint))])),
            ])
        }
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("outcomes")),
                    ("version", .string(ToolVersion.current)),
                    ("semanticVersion", .string(ToolVersion.current)),
                    ("rules", .array(rules.map(Self.describe))),
                ]))])),
                ("originalUriBaseIds", .object([("%SRCROOT%", .object([("uri", .string(context.repositoryRootURI))]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).rendered()
    }

    static func describe(_ rule: any Rule.Type) -> JSONValue {
        let level = rule.defaultSeverity.rawValue
        var markdown = "\(rule.rationale)\n\nFires when \(rule.summary). Default severity: \(level); "
        markdown += "change it with `rules: {\(rule.name): error|warning|off}` in `ledger.yml`."
        if let example = rule.examples.first(where: \.triggers), let file = example.files[RuleExample.mainFile] {
            markdown += "\n\nAn outcome file that triggers it:\n\n```markdown\n\(file)```"
        }
        return .object([
            ("id", .string(rule.name)),
            ("name", .string(rule.name)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([
                ("text", .string("\(rule.rationale) Fires when \(rule.summary).")),
                ("markdown", .string(markdown)),
            ])),
            ("defaultConfiguration", .object([("level", .string(level))])),
        ])
    }

    /// A relative URI reference: each path segment percent-encoded.
    static func uri(_ path: String) -> String {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/".utf8)
        var encoded = ""
        for byte in path.utf8 {
            if allowed.contains(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return encoded
    }
}
