/// Screen-reader users move through a page by its headings: a level skipped (`##` then
/// `####`) reads as a missing section. As markdownlint's MD001.
public enum HeadingLevels: LedgerRule {
    public static let name = "heading-levels"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a heading is more than one level deeper than the heading before it"
    public static let rationale = "Readers who move through a page by its headings hear a skipped level as a missing section."

    public static let examples: [RuleExample] = [
        .outcome(body: RuleExample.standardBody + "\n\n#### Rollout", triggers: true, at: "outcomes/example.md:15:1"),
        .outcome(body: RuleExample.standardBody + "\n\n### Rollout", triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.livingParsedOutcomes.flatMap { outcome in
            zip(outcome.headingLevels, outcome.headingLevels.dropFirst()).compactMap { previous, heading -> Diagnostic? in
                guard heading.value > previous.value + 1 else { return nil }
                return diagnostic("heading level \(heading.value) follows level \(previous.value)", at: heading.location,
                                  hint: "use \(String(repeating: "#", count: previous.value + 1)) here, or add the level between")
            }
        }
    }
}
