/// The owner decides how, and documents it, once work has started.
public enum HowDocumented: LedgerRule {
    public static let name = "how-documented"
    public static let defaultSeverity = Severity.warning
    public static let summary = "an active or achieved outcome has no non-empty How section"
    public static let rationale = "The owner decides how, and documents it, once work has started."

    public static let examples: [RuleExample] = [
        .outcome(body: "## Done when\n- [ ] 500 artists by 2027-03-31", triggers: true, at: "outcomes/example.md:1:1"),
        .outcome(body: "## Done when\n- [ ] 500 artists by 2027-03-31\n\n## How\n", triggers: true,
                 at: "outcomes/example.md:12:1"),
        .outcome(RuleExample.standardFrontMatter.replacingStatus(with: "proposed"),
                 body: "## Done when\n- [ ] 500 artists by 2027-03-31", triggers: false),
        .outcome(triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let heading = context.ledger.config.howHeading
        return context.livingParsedOutcomes.compactMap { outcome in
            let status = outcome.effectiveStatus
            guard status == .active || status == .achieved else { return nil }
            guard let how = outcome.how else {
                if let nearMiss = outcome.howNearMiss?.explained(heading: heading, in: outcome) {
                    return diagnostic(nearMiss.message, at: nearMiss.location, hint: nearMiss.hint)
                }
                return diagnostic("\(status.rawValue) outcome has no \"\(heading)\" section", at: .start(of: outcome.file),
                                  hint: "add `## \(heading)` describing the approach")
            }
            guard !how.hasContent else { return nil }
            return diagnostic("the \"\(heading)\" section is empty", at: how.heading,
                              hint: "describe the approach the pod is taking")
        }
    }
}
