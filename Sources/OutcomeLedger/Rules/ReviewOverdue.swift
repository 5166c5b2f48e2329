/// Open outcomes are reviewed by their owner on the date they promised.
public enum ReviewOverdue: LedgerRule {
    public static let name = "review-overdue"
    public static let defaultSeverity = Severity.warning
    public static let summary = "`review_by` is in the past for a proposed or active outcome (`--today` overrides the date)"
    public static let rationale = "Open outcomes are reviewed by their owner on the date they promised."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter + "\nreview_by: 2020-01-15", triggers: true, at: "outcomes/example.md:8:12"),
        .outcome(RuleExample.standardFrontMatter + "\nreview_by: 2999-01-15", triggers: false),
        .outcome(RuleExample.standardFrontMatter.replacingStatus(with: "dropped") + "\nreview_by: 2020-01-15",
                 triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.readableOutcomes.compactMap { outcome in
            guard outcome.effectiveStatus.isOpen, let review = outcome.reviewBy, review.value < context.today else { return nil }
            return diagnostic("the review was due on \(review.value)", at: review.location,
                              hint: "review the outcome and set a new `review_by`")
        }
    }
}
