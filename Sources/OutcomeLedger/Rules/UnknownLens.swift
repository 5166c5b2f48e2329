/// Lenses come from a fixed list (`lenses` in ledger.yml), so typos don't create new ones.
public enum UnknownLens: LedgerRule {
    public static let name = "unknown-lens"
    public static let defaultSeverity = Severity.error
    public static let summary = "a pod member covers a lens that isn't in `lenses`"
    public static let rationale = "Lenses come from a fixed list (`lenses` in ledger.yml), so typos don't create new ones."

    public static let examples: [RuleExample] = [
        .outcome("title: Grow artists\nowner: ana\npod:\n  ana: [builder, comunicator]\n  li: operator",
                 triggers: true, at: "outcomes/example.md:5:18"),
        .outcome(triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let lenses = context.ledger.config.lenses
        return context.livingOutcomes.flatMap { outcome in
            (outcome.pod ?? []).flatMap(\.lenses).filter { !lenses.contains($0.value) }.map { lens in
                diagnostic("unknown lens `\(lens.value)`", at: lens.location,
                           hint: Suggestions.didYouMean(lens.value, in: lenses)
                               ?? "lenses are \(lenses.map { "`\($0)`" }.joined(separator: ", "))")
            }
        }
    }
}
