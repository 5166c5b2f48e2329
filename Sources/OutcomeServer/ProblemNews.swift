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
    mutating func report(_ diagnostics: [Diagnostic]) -> Report {
        let warnings = Set(diagnostics.filter { $0.severity != .error })
        defer {
            shown = warnings
            started = true
        }
        guard started else { return Report(diagnostics: diagnostics, fixed: 0, unchanged: 0) }
        let printed = diagnostics.filter { $0.severity == .error || !shown.contains($0) }
        return Report(diagnostics: printed, fixed: shown.subtracting(warnings).count,
                      unchanged: warnings.intersection(shown).count)
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
