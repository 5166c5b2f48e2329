/// Symbolic links may organise a ledger, but never pull in files from outside it.
public enum LinkOutsideRoot: Rule {
    public static let name = "link-outside-root"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a symbolic link in the outcomes folder points outside the ledger root (skipped)"
    public static let rationale = "Symbolic links may organise a ledger, but never pull in files from outside it."

    /// Links can't be written as example text; the discovery tests cover this rule.
    public static let examples: [RuleExample] = []

    static func outside(_ file: String) -> Diagnostic {
        diagnostic("symbolic link points outside the ledger root; skipped", at: .start(of: file))
    }
}
