/// The front matter must be plain YAML: no syntax errors, anchors, aliases or duplicate keys.
public enum FrontMatterSyntax: Rule {
    public static let name = "front-matter-syntax"
    public static let defaultSeverity = Severity.error
    public static let summary = "the YAML doesn't parse, uses anchors or aliases, or repeats a key"
    public static let rationale = "The front matter must be plain YAML: no syntax errors, anchors, aliases or duplicate keys."

    public static let examples: [RuleExample] = [
        .outcome("title: [Grow artists", triggers: true),
        .outcome("title: Grow artists\nowner: ana\nowner: li", triggers: true, at: "outcomes/example.md:3:1"),
        .outcome("title: &t Grow artists\nx-copy: *t", triggers: true, at: "outcomes/example.md:2:8"),
        .outcome("title: Grow artists\npod:\n\tana: builder", triggers: true, at: "outcomes/example.md:4:1"),
        .outcome(triggers: false),
    ]

    static func problem(_ problem: YAMLReader.Problem) -> Diagnostic {
        diagnostic(problem.message, at: problem.location, hint: problem.hint)
    }
}
