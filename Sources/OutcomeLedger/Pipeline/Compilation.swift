/// What compiling a ledger produced: the resolved ledger and every diagnostic, sorted
/// and at their final severity. Reporters and the site builder take it from here.
public struct Compilation: Sendable {
    public var ledger: Ledger
    public var diagnostics: [Diagnostic]
    /// Every outcome file found, readable or not, in path order.
    public var outcomeFiles: [String]

    /// How many outcome files were found.
    public var fileCount: Int { outcomeFiles.count }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// "2 errors, 1 warning in 14 files".
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "\(count(errorCount, "error")), \(count(warningCount, "warning")) in \(count(fileCount, "file"))"
    }
}
