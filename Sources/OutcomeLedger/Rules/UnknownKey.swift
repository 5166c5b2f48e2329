/// Keys outside the schema are usually typos; `x-` keys are the way to keep user data.
public enum UnknownKey: Rule {
    public static let name = "unknown-key"
    public static let defaultSeverity = Severity.error
    public static let summary = "a front-matter key that isn't in the schema (x- keys are user data)"
    public static let rationale = "Keys outside the schema are usually typos; `x-` keys are the way to keep user data."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter + "\nownr: ana", triggers: true, at: "outcomes/example.md:8:1"),
        .outcome(RuleExample.standardFrontMatter + "\nx-budget: 40k", triggers: false),
    ]

    /// A typo of a required key that is missing says so: the missing key is not reported
    /// again on its own.
    static func unknown(_ key: String, known: [String], at location: SourceLocation, missing: [String] = []) -> Diagnostic {
        if let meant = Suggestions.nearest(to: key, in: known), missing.contains(meant) {
            return diagnostic("unknown key `\(key)`, and the front matter has no `\(meant)`", at: location,
                              hint: "did you mean `\(meant)`? write `\(meant):`")
        }
        return diagnostic("unknown key `\(key)`", at: location,
                          hint: Suggestions.didYouMean(key, in: known) ?? "keep your own data under a key starting with `x-`")
    }
}
