/// A pod is small enough to share one loop and big enough to cover the lenses.
public enum PodSize: LedgerRule {
    public static let name = "pod-size"
    public static let defaultSeverity = Severity.error
    public static let summary = "the pod's member count is outside `pod_size` (default 2–4)"
    public static let rationale = "A pod is small enough to share one loop and big enough to cover the lenses."

    public static let examples: [RuleExample] = [
        .outcome("title: Grow artists\nowner: ana\npod:\n  ana: [builder, operator, communicator]", triggers: true,
                 at: "outcomes/example.md:4:1"),
        .outcome("""
            title: Grow artists
            owner: ana
            pod: {ana: builder, li: operator, sam: communicator, kai: builder, noor: operator}
            """, triggers: true),
        .outcome(triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let bounds = context.ledger.config.podSize
        return context.livingOutcomes.compactMap { outcome in
            guard let pod = outcome.pod, let location = outcome.podLocation, !bounds.contains(pod.count) else { return nil }
            let members = pod.count == 1 ? "1 member" : "\(pod.count) members"
            let fix = pod.count < bounds.lowerBound ? "add members" : "split the outcome or slim the pod"
            return diagnostic("the pod has \(members); pods have \(bounds.lowerBound) to \(bounds.upperBound)",
                              at: location, hint: "\(fix), or change `pod_size` in ledger.yml")
        }
    }
}
