/// Between its start and its due date, an outcome's done items should be checked at
/// roughly the pace time passes; far behind that pace, the date is at risk.
public enum BehindSignal: HealthSignal {
    public static let name = "behind"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "with a start (`start`, else the first commit) and `due`: done-item progress trails the elapsed share of the time by more than `behind_margin` points (default 25)"
    public static let scope = SignalScope.outcome

    public static let examples: [SignalExample] = [
        // 324 of 365 days gone (88 %), no item checked.
        .outcome(adding: "start: 2026-01-01\ndue: 2027-01-01", triggers: true),
        // 10 of 60 days gone (16 %), no item checked: within the margin.
        .outcome(adding: "start: 2026-11-11\ndue: 2027-01-10", triggers: false),
        // Every item checked.
        .outcome(adding: "start: 2026-01-01\ndue: 2027-01-01",
                 body: "## Done when\n- [x] 500 artists by 2027-03-31\n\n## How\nInvite artists.", triggers: false),
        // No start: nothing to measure the pace against.
        .outcome(adding: "due: 2027-01-01", triggers: false),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let start = context.start(of: outcome), let due = outcome.due?.value, start < due,
              start <= context.today, context.today < due else { return nil }
        let progress = outcome.progress
        guard progress.total > 0 else { return nil }
        let span = due.days(since: start)
        let elapsed = context.today.days(since: start)
        // elapsed/span − checked/total > margin/100, in whole numbers so no rounding decides.
        let trail = (elapsed * progress.total - progress.checked * span) * 100
        guard trail > context.ledger.config.behindMargin * span * progress.total else { return nil }
        let elapsedPercent = elapsed * 100 / span
        return SignalFinding(
            "\(elapsedPercent) % of the time from \(start) to \(due) has passed, but only \(progress.checked) of \(progress.total) done items (\(progress.percent) %) are checked")
    }
}
