/// An outcome can't land when what it depends on was dropped, is late or is off track:
/// the pod should know before its own date slips.
public enum BlockedSignal: HealthSignal {
    public static let name = "blocked"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "a `depends_on` outcome is dropped, off track or past due"
    public static let scope = SignalScope.dependencies

    static func dependency(_ frontMatter: String) -> String {
        RuleExample.file("title: Launch the artist app\nowner: li\npod: {li: [builder, operator], ana: communicator}\n" + frontMatter)
    }

    public static let examples: [SignalExample] = [
        .outcome(adding: "depends_on: [artist-app]", triggers: true,
                 also: ["outcomes/artist-app.md": dependency("status: dropped")]),
        .outcome(adding: "depends_on: [artist-app]", triggers: true,
                 also: ["outcomes/artist-app.md": dependency("status: active\ndue: 2026-11-01")]),
        .outcome(adding: "depends_on: [artist-app]", triggers: true,
                 also: ["outcomes/artist-app.md": dependency("status: active\nhealth: off-track")]),
        .outcome(adding: "depends_on: [artist-app]", triggers: false,
                 also: ["outcomes/artist-app.md": dependency("status: active\nhealth: at-risk")]),
        .outcome(adding: "depends_on: [artist-app]", triggers: false,
                 also: ["outcomes/artist-app.md": dependency("status: achieved")]),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        var reasons: [String] = []
        for dependency in outcome.dependsOn {
            guard let index = context.ledger.indexByID[dependency.value] else { continue }
            let other = context.ledger.outcomes[index]
            guard other.hasFrontMatter else { continue }
            let name = context.title(of: index)
            if other.effectiveStatus == .dropped {
                reasons.append("\(name), which was dropped")
            } else if other.effectiveStatus.isOpen, let due = other.due?.value, due < context.today {
                reasons.append("\(name), which was due on \(due)")
            } else if context.earlierLevel(of: index) == .offTrack {
                reasons.append("\(name), which is off track")
            }
        }
        guard !reasons.isEmpty else { return nil }
        return SignalFinding("depends on " + HealthContext.list(reasons))
    }
}
