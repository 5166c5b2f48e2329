/// Every outcome needs a title, an accountable owner and a pod.
public enum MissingKey: Rule {
    public static let name = "missing-key"
    public static let defaultSeverity = Severity.error
    public static let summary = "`title`, `owner` or `pod` is absent"
    public static let rationale = "Every outcome needs a title, an accountable owner and a pod."

    public static let examples: [RuleExample] = [
        .outcome("title: Grow artists\npod: {ana: [builder, communicator], li: operator}", triggers: true,
                 at: "outcomes/example.md:1:1"),
        .outcome(triggers: false),
    ]

    static func missing(_ key: String, file: String) -> Diagnostic {
        diagnostic("the front matter has no `\(key)`", at: .start(of: file), hint: hints[key])
    }

    private static let hints = [
        "title": "add `title:` with the outcome phrased as a result",
        "owner": "add `owner:` with the handle of the one accountable person",
        "pod": "add `pod:` mapping each member's handle to the lenses they cover",
    ]
}
