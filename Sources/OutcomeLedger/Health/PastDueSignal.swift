/// A due date that has passed without the outcome being achieved is the plainest sign
/// that something is off.
public enum PastDueSignal: HealthSignal {
    public static let name = "past-due"
    public static let defaultLevel = HealthLevel.offTrack
    public static let summary = "`due` is before today and the outcome is not achieved"
    public static let scope = SignalScope.outcome

    public static let examples: [SignalExample] = [
        .outcome(adding: "due: 2026-10-31", triggers: true),
        .outcome(adding: "due: 2026-11-21", triggers: false),
        .outcome(adding: "due: 2027-03-31", triggers: false),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let due = outcome.due?.value, due < context.today else { return nil }
        let days = context.today.days(since: due)
        return SignalFinding("was due on \(due), \(days) day\(days == 1 ? "" : "s") ago")
    }
}
