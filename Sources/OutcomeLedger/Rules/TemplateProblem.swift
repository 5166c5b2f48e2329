import Mustache

/// A site template that can't be used: it doesn't parse, or includes a partial that no
/// template provides. Raised by `outcomes build`.
public enum TemplateProblem: Rule {
    public static let name = "template"
    public static let defaultSeverity = Severity.error
    public static let summary = "a site template has a syntax error or includes a missing partial (build only)"
    public static let rationale = "A site template that can't be used: it doesn't parse, or includes a partial that no template provides. Raised by `outcomes build`."

    /// Templates are not ledger files; the site-building tests cover this rule.
    public static let examples: [RuleExample] = []

    static func syntax(_ message: String, at location: SourceLocation) -> Diagnostic {
        diagnostic("template syntax error: \(message)", at: location)
    }

    /// Mustache's parser errors, said in words.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return String(describing: error) }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with `}}`"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "malformed set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform can't apply to an inheritance section"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "only blocks may appear inside an inheritance section"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "malformed configuration tag"
        @unknown default: return String(describing: error)
        }
    }

    static func missingPartial(_ name: String, at location: SourceLocation, known: [String]) -> Diagnostic {
        diagnostic("the partial `\(name)` does not exist", at: location,
                   hint: Suggestions.didYouMean(name, in: known) ?? "add `\(name).mustache` to the templates folder")
    }
}
