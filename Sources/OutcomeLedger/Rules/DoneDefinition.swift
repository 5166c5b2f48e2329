/// The organisation agrees on what done looks like before the pod decides how.
public enum DoneDefinition: LedgerRule {
    public static let name = "done-definition"
    public static let defaultSeverity = Severity.error
    public static let summary = "no \"Done when\" section, or it has no list items"
    public static let rationale = "The organisation agrees on what done looks like before the pod decides how."

    public static let examples: [RuleExample] = [
        .outcome(body: "## How\nInvite artists in weekly batches.", triggers: true, at: "outcomes/example.md:1:1"),
        .outcome(body: "## Done when\nArtists love it.\n\n## How\nInvite artists.", triggers: true,
                 at: "outcomes/example.md:9:1"),
        .outcome(body: "### done WHEN\n* 500 artists upload a track\n\n## How\nInvite artists.", triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let heading = context.ledger.config.doneHeading
        return context.doneCheckedOutcomes.compactMap { outcome in
            guard let done = outcome.done else {
                if let nearMiss = outcome.doneNearMiss?.explained(heading: heading, in: outcome) {
                    return diagnostic(nearMiss.message, at: nearMiss.location, hint: nearMiss.hint)
                }
                return diagnostic("no \"\(heading)\" section", at: .start(of: outcome.file),
                                  hint: "add `## \(heading)` with a list of checkable results")
            }
            guard done.items.isEmpty else { return nil }
            return diagnostic("the \"\(heading)\" section has no list items", at: done.heading,
                              hint: "list what done looks like, e.g. `- [ ] Week-4 retention ≥ 35 %`")
        }
    }
}
