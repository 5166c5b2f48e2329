/// Each id names exactly one outcome. Ids that differ only in case collide too, because
/// their pages would share a folder on case-insensitive file systems.
public enum DuplicateID: LedgerRule {
    public static let name = "duplicate-id"
    public static let defaultSeverity = Severity.error
    public static let summary = "two outcomes share an id (reported on each, naming the other)"
    public static let rationale = "Each id names exactly one outcome. Ids that differ only in case collide too, because their pages would share a folder on case-insensitive file systems."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter + "\nid: grow-artists", triggers: true, at: "outcomes/example.md:8:5",
                 also: ["outcomes/grow-artists.md": RuleExample.file()]),
        .outcome(triggers: false, also: ["outcomes/grow-artists.md": RuleExample.file()]),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let groups = Dictionary(grouping: context.ledger.outcomes) { $0.id.value.lowercased() }
        var diagnostics: [Diagnostic] = []
        for (_, outcomes) in groups where outcomes.count > 1 {
            for outcome in outcomes {
                let others = outcomes.filter { $0.file != outcome.file }.map { "`\($0.file)`" }
                diagnostics.append(diagnostic(
                    "id `\(outcome.id.value)` is also used by \(others.joined(separator: ", "))",
                    at: outcome.id.location, hint: "give one of them another `id`"))
            }
        }
        return diagnostics
    }
}
