/// A parent is only as healthy as what rolls up to it: it never looks on track while an
/// outcome below it is off track.
public enum ChildOffTrackSignal: HealthSignal {
    public static let name = "child-off-track"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "an open outcome below it (a child, or theirs) is off track"
    public static let scope = SignalScope.descendants

    static func child(_ extra: String) -> String {
        RuleExample.file("title: Artists upload weekly\nowner: li\npod: {li: [builder, operator], ana: communicator}\nstatus: active\nparent: example\n" + extra)
    }

    public static let examples: [SignalExample] = [
        .outcome(triggers: true, also: ["outcomes/child.md": child("due: 2026-09-30")]),
        .outcome(triggers: true, also: ["outcomes/child.md": child(""),
                                         "outcomes/grandchild.md": child("due: 2026-09-30").replacingOccurrences(
                                            of: "parent: example", with: "parent: child")]),
        .outcome(triggers: false, also: ["outcomes/child.md": child("health: at-risk")]),
        .outcome(triggers: false, also: ["outcomes/child.md": child("due: 2026-09-30").replacingOccurrences(
            of: "status: active", with: "status: achieved")]),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        let below = context.offTrackOutcomes(below: position)
        guard below.count > 0 else { return nil }
        let names = below.first.map { context.title(of: $0) }
        let counted = below.count == 1 ? "1 outcome below it is" : "\(below.count) outcomes below it are"
        return SignalFinding("\(counted) off track: \(HealthContext.list(names, total: below.count))")
    }
}
