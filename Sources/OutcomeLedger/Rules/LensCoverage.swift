/// Every outcome needs each kind of judgment: someone builds, someone operates, someone
/// communicates. One person may cover several.
public enum LensCoverage: LedgerRule {
    public static let name = "lens-coverage"
    public static let defaultSeverity = Severity.error
    public static let summary = "some lens is covered by no pod member (names the missing lenses)"
    public static let rationale = "Every outcome needs each kind of judgment: someone builds, someone operates, someone communicates. One person may cover several."

    public static let examples: [RuleExample] = [
        .outcome("title: Grow artists\nowner: ana\npod:\n  ana: builder\n  li: operator", triggers: true,
                 at: "outcomes/example.md:4:1"),
        .outcome(triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let lenses = context.ledger.config.lenses
        return context.livingOutcomes.compactMap { outcome in
            guard let pod = outcome.pod, !pod.isEmpty, let location = outcome.podLocation else { return nil }
            let written = pod.flatMap(\.lenses).map(\.value)
            let covered = Set(written)
            // A misspelt lens (`comunicator`) is reported by unknown-lens, at the typo: the
            // lens it was meant to be is not reported missing as well.
            let meant = Set(written.filter { !lenses.contains($0) }.compactMap { Suggestions.nearest(to: $0, in: lenses) })
            let missing = lenses.filter { !covered.contains($0) && !meant.contains($0) }
            guard !missing.isEmpty else { return nil }
            let names = missing.map { "`\($0)`" }.joined(separator: ", ")
            let noun = missing.count == 1 ? "lens" : "lenses"
            return diagnostic("no pod member covers the \(names) \(noun)", at: location,
                              hint: "give a member the missing \(noun), or add a member")
        }
    }
}
