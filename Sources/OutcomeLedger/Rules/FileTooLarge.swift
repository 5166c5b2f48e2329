/// Outcome files are short documents; a huge file is a mistake or an attack, and is
/// skipped before it is read.
public enum FileTooLarge: Rule {
    public static let name = "file-too-large"
    public static let defaultSeverity = Severity.error
    public static let summary = "the file is larger than `max_file_size` (default 1 MiB) and is skipped"
    public static let rationale = "Outcome files are short documents; a huge file is a mistake or an attack, and is skipped before it is read."

    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: ["ledger.yml": "max_file_size: 100\n", RuleExample.mainFile: RuleExample.file()],
                    expectedLocation: "outcomes/example.md:1:1"),
        RuleExample(triggers: false, files: ["ledger.yml": "max_file_size: 100 KiB\n", RuleExample.mainFile: RuleExample.file()]),
    ]

    static func tooLarge(_ file: String, size: Int, limit: Int) -> Diagnostic {
        diagnostic("the file is \(size) bytes, more than the limit of \(limit) bytes; skipped", at: .start(of: file),
                   hint: "split the outcome, or raise `max_file_size` in ledger.yml")
    }
}
