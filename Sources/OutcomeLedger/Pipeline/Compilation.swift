/// What compiling a ledger produced: the resolved ledger, every diagnostic (sorted and at
/// their final severity) and the ledger's health. Reporters and the site builder take it from here.
public struct Compilation: Sendable {
    public var ledger: Ledger
    public var diagnostics: [Diagnostic]
    /// How each open outcome is doing, and the roll-ups of the parent tree.
    public var health: LedgerHealth
    /// What the git history says, when it was read (see `addingHistory`).
    public var history: LedgerHistory?
    /// Every outcome file found, readable or not, in path order.
    public var outcomeFiles: [String]
    /// The folder the ledger was read from, where the files bodies link to are; nil for a
    /// ledger read from a git revision.
    public var root: String?

    public init(ledger: Ledger, diagnostics: [Diagnostic], health: LedgerHealth? = nil, outcomeFiles: [String]) {
        self.ledger = ledger
        self.diagnostics = diagnostics
        self.health = health ?? .empty(count: ledger.outcomes.count, today: CalendarDate("2000-01-01")!)
        self.outcomeFiles = outcomeFiles
    }

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
