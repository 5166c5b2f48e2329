/// A pod without one of the lenses lacks a kind of judgment it needs: nobody to build,
/// to run it safely, or to make it adopted.
public enum LensGapSignal: HealthSignal {
    public static let name = "lens-gap"
    public static let defaultLevel = HealthLevel.atRisk
    public static let summary = "no pod member covers some lens"
    public static let scope = SignalScope.outcome

    public static let examples: [SignalExample] = [
        SignalExample(triggers: true, files: [RuleExample.mainFile: RuleExample.file(
            "title: Grow artists\nowner: ana\npod: {ana: builder, li: operator}\nstatus: active")]),
        .outcome(triggers: false),
    ]

    public static func evaluate(_ outcome: Outcome, at position: Int, in context: HealthContext) -> SignalFinding? {
        guard let pod = outcome.pod, !pod.isEmpty else { return nil }
        let covered = Set(pod.flatMap(\.lenses).map(\.value))
        let missing = context.ledger.config.lenses.filter { !covered.contains($0) }
        guard !missing.isEmpty else { return nil }
        return SignalFinding("nobody in the pod covers the \(HealthContext.list(missing, limit: missing.count)) lens\(missing.count == 1 ? "" : "es")")
    }
}
