import OutcomeLedger

/// What `serve` prints about the ledger's problems after each build. The first build lists
/// every problem, as `outcomes check` does; after that, a save prints the errors (they
/// keep the site from building) and only the warnings the terminal has not shown yet, with
/// how many went away. A ledger with thousands of standing warnings would otherwise scroll
/// thousands of lines on every save and bury the one the save just caused.
struct ProblemNews: Sendable {
    /// The warnings the terminal has shown, as they were last seen.
    private var shown: Set<Diagnostic> = []
    private var started = false

    struct Report: Equatable {
        /// What to print, in the order given.
        var diagnostics: [Diagnostic]
        /// Warnings shown before that are gone now.
        var fixed: Int
        /// Warnings that are still there and not printed again.
        var unchanged: Int
    }

    /// What to print after a build that found `diagnostics`; remembers them for the next.
    /// One pass, each warning hashed twice: a ledger of long documents has thousands.
    mutating func report(_ diagnostics: [Diagnostic]) -> Report {
        var warnings = Set<Diagnostic>(minimumCapacity: diagnostics.count)
        var printed: [Diagnostic] = []
        var unchanged = 0
        for diagnostic in diagnostics {
            guard diagnostic.severity != .error else {
                printed.append(diagnostic)
                continue
            }
            let seen = shown.contains(diagnostic)
            if warnings.insert(diagnostic).inserted, seen { unchanged += 1 }
            if !seen || !started { printed.append(diagnostic) }
        }
        defer {
            shown = warnings
            started = true
        }
        guard started else { return Report(diagnostics: diagnostics, fixed: 0, unchanged: 0) }
        return Report(diagnostics: printed, fixed: shown.count - unchanged, unchanged: unchanged)
    }

    /// The line that closes a report: the ledger's totals, and what was left out.
    static func summary(_ report: Report, totals: String) -> String {
        var notes: [String] = []
        if report.fixed > 0 { notes.append("\(report.fixed) fixed") }
        if report.unchanged > 0 {
            notes.append("\(report.unchanged) shown before and not repeated; `outcomes check` lists every one")
        }
        return notes.isEmpty ? totals : "\(totals) (\(notes.joined(separator: "; ")))"
    }
}
