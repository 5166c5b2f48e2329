/// An outcome whose owner has not reviewed it when they said they would may have
/// drifted without anyone noticing.
public enum ReviewOverdueSignal: HealthSignal {
    public static let name = "review-overdue"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "`review_by` is before today"
    public static let scope = SignalScope.outcome

    public static let examples: [SignalExample] = [
        .outcome(adding: "review_by: 2026-11-01", triggers: true),
        .outcome(adding: "review_by: 2027-01-15", triggers: false),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let review = outcome.reviewBy?.value, review < context.today else { return nil }
        return SignalFinding("the owner's review was due on \(review)")
    }
}
