/// The accountable owner works inside the pod, not above it.
public enum OwnerInPod: LedgerRule {
    public static let name = "owner-in-pod"
    public static let defaultSeverity = Severity.error
    public static let summary = "the owner isn't a member of the pod"
    public static let rationale = "The accountable owner works inside the pod, not above it."

    public static let examples: [RuleExample] = [
        .outcome("title: Grow artists\nowner: sam\npod: {ana: [builder, communicator], li: operator}", triggers: true,
                 at: "outcomes/example.md:3:8"),
        .outcome(triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.livingOutcomes.compactMap { outcome in
            guard let owner = outcome.owner, let pod = outcome.pod,
                  !pod.contains(where: { $0.handle.value == owner.value }) else { return nil }
            return diagnostic("the owner `\(owner.value)` is not in the pod", at: owner.location,
                              hint: "add `\(owner.value)` to the pod, or make a pod member the owner")
        }
    }
}
