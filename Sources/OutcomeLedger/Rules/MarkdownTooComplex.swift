/// A body shaped to make the markdown parser take seconds or minutes is refused before
/// parsing: CI must not hang on a pull request.
public enum MarkdownTooComplex: Rule {
    public static let name = "markdown-too-complex"
    public static let defaultSeverity = Severity.error
    public static let summary = "the body has a shape known to make markdown parsing pathologically slow (it is not rendered)"
    public static let rationale = "A body shaped to make the markdown parser take seconds or minutes is refused before parsing: CI must not hang on a pull request."

    public static let examples: [RuleExample] = [
        .outcome(body: RuleExample.standardBody + "\n\n" + String(repeating: ">", count: 101) + " deep",
                 triggers: true, at: "outcomes/example.md:15:1"),
        .outcome(body: RuleExample.standardBody + "\n\n" + String(repeating: "![[]()", count: 5_001), triggers: true),
        .outcome(body: RuleExample.standardBody + "\n\n> > > quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee www.example.com.",
                 triggers: false),
    ]

    static func refused(_ excess: MarkdownComplexity.Excess, at location: SourceLocation) -> Diagnostic {
        diagnostic("the body is too complex to parse safely: \(excess.what)", at: location,
                   hint: "simplify the markdown here; the body is not rendered until then")
    }
}
