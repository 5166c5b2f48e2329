/// The file could not be read, or is not text the compiler can trust.
public enum FileUnreadable: Rule {
    public static let name = "file-unreadable"
    public static let defaultSeverity = Severity.error
    public static let summary = "the file can't be read or isn't valid UTF-8"
    public static let rationale = "The file could not be read, or is not text the compiler can trust."

    /// Invalid UTF-8 can't be written in a Swift string; the decoding tests cover it.
    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: [RuleExample.mainFile: "---\ntitle: a\u{0}b\n---\n"],
                    expectedLocation: "outcomes/example.md:2:9"),
        .outcome(triggers: false),
    ]

    static func notUTF8(_ failure: SourceText.DecodingFailure, file: String) -> Diagnostic {
        diagnostic(failure.message, at: SourceLocation(file: file, line: failure.line, column: failure.column),
                   hint: "save the file as UTF-8")
    }

    static func unreadable(_ file: String, reason: String) -> Diagnostic {
        diagnostic("the file can't be read: \(reason)", at: .start(of: file))
    }

    static func notARegularFile(_ file: String) -> Diagnostic {
        diagnostic("not a regular file; skipped", at: .start(of: file))
    }
}
