/// The status should agree with the done checklist.
public enum StatusMismatch: LedgerRule {
    public static let name = "status-mismatch"
    public static let defaultSeverity = Severity.warning
    public static let summary = "`achieved` with open done items, or every item checked but still proposed/active"
    public static let rationale = "The status should agree with the done checklist."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter.replacingStatus(with: "achieved"), triggers: true,
                 at: "outcomes/example.md:7:9"),
        .outcome(body: "## Done when\n- [x] 500 artists by 2027-03-31\n\n## How\nInvite artists.", triggers: true,
                 at: "outcomes/example.md:7:9"),
        .outcome(RuleExample.standardFrontMatter.replacingStatus(with: "achieved"),
                 body: "## Done when\n- [x] 500 artists by 2027-03-31\n\n## How\nInvite artists.", triggers: false),
        .outcome(triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.readableOutcomes.compactMap { outcome in
            guard let done = outcome.done, !done.items.isEmpty else { return nil }
            let open = done.items.count - done.checkedCount
            let status = outcome.effectiveStatus
            let location = outcome.status?.location ?? .start(of: outcome.file)
            if status == .achieved && open > 0 {
                let items = open == 1 ? "1 done item is" : "\(open) done items are"
                return diagnostic("the outcome is `achieved`, but \(items) still open", at: location,
                                  hint: "check the items that are done, or set the status back to `active`")
            }
            if status.isOpen && open == 0 {
                return diagnostic("every done item is checked, but the status is `\(status.rawValue)`", at: location,
                                  hint: "set `status: achieved`")
            }
            return nil
        }
    }
}
