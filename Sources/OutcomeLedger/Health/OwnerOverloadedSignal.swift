/// One person can carry a wide span of ownership, not an unlimited one: an owner spread
/// over too many open pods has less judgment to give each.
public enum OwnerOverloadedSignal: HealthSignal {
    public static let name = "owner-overloaded"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "the owner is in more than `max_pods_per_person` open pods"
    public static let scope = SignalScope.outcome

    static func pod(_ title: String) -> String {
        RuleExample.file("title: \(title)\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nstatus: active")
    }

    public static let examples: [SignalExample] = [
        SignalExample(triggers: true, files: [
            "outcomes/example.md": pod("Activate listeners"), "outcomes/b.md": pod("Retain listeners"),
            "outcomes/c.md": pod("Grow artists"), "outcomes/d.md": pod("Grow ad revenue"),
        ]),
        SignalExample(triggers: false, files: [
            "outcomes/example.md": pod("Activate listeners"), "outcomes/b.md": pod("Retain listeners"),
            "outcomes/c.md": pod("Grow artists"),
        ]),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let owner = outcome.owner?.value else { return nil }
        let count = context.ledger.load.openPodCount(owner)
        let limit = context.ledger.config.maxPodsPerPerson
        guard count > limit else { return nil }
        return SignalFinding("the owner, \(context.name(of: owner)), is in \(count) open pods (more than \(limit))")
    }
}
