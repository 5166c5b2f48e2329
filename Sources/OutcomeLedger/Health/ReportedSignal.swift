/// The owner knows things no date can show: their own call of at risk or off track is a
/// signal in its own right, never overridden by what the dates say.
public enum ReportedSignal: HealthSignal {
    public static let name = "reported"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "the owner's `health` is `at-risk` or `off-track` (with `health_note` saying why)"
    public static let scope = SignalScope.outcome

    public static let examples: [SignalExample] = [
        .outcome(adding: "health: off-track\nhealth_note: The label deal fell through", triggers: true),
        .outcome(adding: "health: at-risk", triggers: true),
        .outcome(adding: "health: on-track", triggers: false),
        .outcome(triggers: false),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let reported = outcome.reportedHealth?.value, reported != .onTrack else { return nil }
        let who = outcome.owner.map { context.name(of: $0.value) } ?? "the owner"
        let why = outcome.healthNote.map { ": \($0.value)" } ?? " (no `health_note` says why)"
        return SignalFinding("\(who) reports it \(reported.words)\(why)", level: reported)
    }
}
