/// What compiling a ledger produced: the resolved ledger, every diagnostic (sorted and at
/// their final severity) and the ledger's health. Reporters and the site builder take it from here.
public struct Compilation: Sendable {
    public var ledger: Ledger { didSet { judged = Memo() } }
    public var diagnostics: [Diagnostic]
    /// How each open outcome is doing, and the roll-ups of the parent tree: judged when first
    /// asked for — `check` never asks. With history, the site's health is judged once, with
    /// it; what changed lately compares health judged without history on both sides, so a
    /// window with commits judges the ledger once more.
    public var health: LedgerHealth {
        get { judged.value(judge) }
        set {
            judged = Memo()
            _ = judged.value { newValue }
        }
    }
    /// The date health is judged at; nil for a ledger that is not judged (its health is empty).
    public var today: CalendarDate? { didSet { judged = Memo() } }
    /// What the git history says, when it was read (see `addingHistory`).
    public var history: LedgerHistory? { didSet { judged = Memo() } }
    /// The health once judged, shared by copies until one changes what it is judged from.
    private var judged = Memo<LedgerHealth>()
    /// Every outcome file found, readable or not, in path order.
    public var outcomeFiles: [String]
    /// The folder the ledger was read from, where the files bodies link to are; nil for a
    /// ledger read from a git revision.
    public var root: String?

    /// Health is judged at `today` when first asked for, unless `health` gives it.
    public init(ledger: Ledger, diagnostics: [Diagnostic], today: CalendarDate? = nil, health: LedgerHealth? = nil,
                outcomeFiles: [String]) {
        self.ledger = ledger
        self.diagnostics = diagnostics
        self.today = today
        self.outcomeFiles = outcomeFiles
        if let health { self.health = health }
    }

    /// History counts only when it could be read whole (a shallow clone's has a note instead).
    private func judge() -> LedgerHealth {
        guard let today else { return .empty(count: ledger.outcomes.count, today: CalendarDate("2000-01-01")!) }
        return HealthJudge.judge(ledger, today: today, history: history?.note == nil ? history : nil)
    }

    /// The files bodies link to that the site can't publish (missing, a folder, too large,
    /// a refused SVG), by path in the ledger, sorted: whatever appears or changes at one of
    /// them changes the site, so builds and `serve` look at them too.
    public var unpublishedLinkedFiles: [String] {
        var paths: Set<String> = []
        for outcome in ledger.outcomes {
            for link in outcome.links {
                guard case .broken(let broken)? = link.target else { continue }
                switch broken {
                case .missing(let path, _), .notAFile(let path, _), .tooLarge(let path, _, _), .activeSVG(let path, _): paths.insert(path)
                case .outsideRoot, .skippedOutcomeFile, .unknownFragment: break
                }
            }
        }
        return paths.sorted()
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
