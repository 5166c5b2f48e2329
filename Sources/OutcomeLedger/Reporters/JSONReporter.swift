/// `--format json`: the machine-readable report, version 1.
///
/// `{"version": 1, "files": n, "errors": n, "warnings": n, "diagnostics": [{"file",
/// "line", "column", "severity", "rule", "message"}]}`, diagnostics sorted by file, line,
/// column and rule.
public struct JSONReporter: Reporter {
    public static let identifier = "json"

    public init() {}

    public func report(_ compilation: Compilation, context: ReportContext = ReportContext()) -> String {
        JSONValue.object([
            ("version", .int(1)),
            ("files", .int(compilation.fileCount)),
            ("errors", .int(compilation.errorCount)),
            ("warnings", .int(compilation.warningCount)),
            ("diagnostics", .array(compilation.diagnostics.map(Self.entry))),
        ]).rendered()
    }

    /// One diagnostic, as every JSON output writes it.
    /// `help` is there when the human report prints `= help:`.
    public static func entry(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .string(diagnostic.location.file)),
            ("line", .int(diagnostic.location.line)),
            ("column", .int(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("rule", .string(diagnostic.rule)),
            ("message", .string(diagnostic.message)),
        ] + (diagnostic.hint.map { [("help", JSONValue.string($0))] } ?? []))
    }
}
