/// An outcome file must open with a YAML front matter block.
public enum FrontMatterMissing: Rule {
    public static let name = "front-matter-missing"
    public static let defaultSeverity = Severity.error
    public static let summary = "no front matter block, or it is never closed"
    public static let rationale = "An outcome file must open with a YAML front matter block."

    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: [RuleExample.mainFile: "# Grow artists\n"],
                    expectedLocation: "outcomes/example.md:1:1"),
        RuleExample(triggers: true, files: [RuleExample.mainFile: "---\ntitle: Grow artists\n\n## Done when\n"],
                    expectedLocation: "outcomes/example.md:1:1"),
        RuleExample(triggers: true, files: [RuleExample.mainFile: ""], expectedLocation: "outcomes/example.md:1:1"),
        .outcome(triggers: false),
    ]

    static func missing(_ file: String) -> Diagnostic {
        diagnostic("no front matter: the first line of an outcome file must be `---`", at: .start(of: file),
                   hint: "start the file with `---`, the keys (title, owner, pod…), then `---`")
    }

    static func unclosed(_ file: String) -> Diagnostic {
        diagnostic("the front matter opened on line 1 is never closed", at: .start(of: file),
                   hint: "end the front matter with a line holding only `---`")
    }
}
