/// Outcome files end in `.md`, in lower case. A file that looks like one but is spelt
/// otherwise (`Billing.MD`, `draft.markdown`) would be skipped without a word.
public enum SkippedFile: Rule {
    public static let name = "skipped-file"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a markdown file in the outcomes folder is skipped because its name does not end in `.md`"
    public static let rationale = "Nothing an author writes should be left out without a word: a file named like an outcome but not read is reported."

    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: [RuleExample.mainFile: RuleExample.file(), "outcomes/Billing.MD": RuleExample.file()],
                    expectedLocation: "outcomes/Billing.MD:1:1"),
        RuleExample(triggers: false, files: [RuleExample.mainFile: RuleExample.file(), "outcomes/notes.txt": "notes"]),
    ]

    /// Markdown by its extension, in any case, but not the `.md` that outcome files use.
    static func isMisnamed(_ name: String) -> Bool {
        let lower = name.lowercased()
        return (lower.hasSuffix(".md") || lower.hasSuffix(".markdown") || lower.hasSuffix(".mdown")) && !name.hasSuffix(".md")
    }

    static func skipped(_ path: String) -> Diagnostic {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let stem = name.split(separator: ".", omittingEmptySubsequences: false).dropLast().joined(separator: ".")
        return diagnostic("`\(name)` is skipped: outcome files end in `.md`", at: .start(of: path),
                          hint: "rename it to `\(stem).md` to make it an outcome, or start its name with `_` to keep it out quietly")
    }
}
