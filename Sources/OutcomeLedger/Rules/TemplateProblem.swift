/// A site template that can't be used: it doesn't parse, or includes a partial that no
/// template provides. Raised by `outcomes build`.
public enum TemplateProblem: Rule {
    public static let name = "template"
    public static let defaultSeverity = Severity.error
    public static let summary = "a site template has a syntax error or includes a missing partial (build only)"
    public static let rationale = "A site template that can't be used: it doesn't parse, or includes a partial that no template provides. Raised by `outcomes build`."

    /// Templates are not ledger files; the site-building tests cover this rule.
    public static let examples: [RuleExample] = []

    package static func syntax(_ message: String, at location: SourceLocation) -> Diagnostic {
        diagnostic("template syntax error: \(message)", at: location)
    }

    package static func missingPartial(_ name: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        diagnostic("the partial `\(name)` does not exist", at: location,
                   hint: Suggestions.didYouMean(name, in: known) ?? "add `\(name).mustache` to the templates folder")
    }
}
