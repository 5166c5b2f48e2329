/// One person can sustain a wide span of ownership, but not an unlimited one.
public enum SpanOfOwnership: LedgerRule {
    public static let name = "span-of-ownership"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a person is in more than `max_pods_per_person` (default 3) proposed or active pods"
    public static let rationale = "One person can sustain a wide span of ownership, but not an unlimited one."

    static func pod(_ title: String) -> String {
        RuleExample.file("title: \(title)\nowner: ana\npod: {ana: [builder, communicator], li: operator}\nstatus: active")
    }

    public static let examples: [RuleExample] = [
        RuleExample(triggers: true, files: [
            "outcomes/a.md": pod("Activate listeners"), "outcomes/b.md": pod("Retain listeners"),
            "outcomes/c.md": pod("Grow artists"), "outcomes/d.md": pod("Grow ad revenue"),
        ], expectedLocation: "outcomes/a.md:4:7"),
        RuleExample(triggers: false, files: [
            "outcomes/a.md": pod("Activate listeners"), "outcomes/b.md": pod("Retain listeners"),
            "outcomes/c.md": pod("Grow artists"),
        ]),
    ]

    /// How many of a person's pods the message names (all of them when one more would do).
    static let shownPods = 6

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let limit = context.ledger.config.maxPodsPerPerson
        let outcomes = context.ledger.outcomes
        return context.ledger.load.memberships.filter { $0.value.count > limit }.map { handle, memberships in
            // The first few by name: a ledger that gives one person hundreds of pods would
            // otherwise print them all, on one line, for every such person.
            let names = memberships.map { "`\(outcomes[$0.outcome].id.value)`" }
            let ids = HealthContext.list(names, limit: names.count <= shownPods + 1 ? names.count : shownPods)
            let location = context.ledger.person(handle)?.handle.location ?? memberships[0].entry(in: outcomes).handle.location
            return diagnostic("`\(handle)` is in \(memberships.count) proposed or active pods (more than \(limit)): \(ids)",
                              at: location, hint: "hand one over, or raise `max_pods_per_person` in ledger.yml")
        }
    }
}
