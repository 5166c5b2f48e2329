/// A link with no text (or only an image without alt text) has no name: screen readers
/// read out its address, or nothing. As markdownlint's MD042.
public enum LinkText: LedgerRule {
    public static let name = "link-text"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a link has no text, or only an image without alt text"
    public static let rationale = "A link is announced by its text; without any, people who use screen readers cannot tell where it goes."

    public static let examples: [RuleExample] = [
        .outcome(body: RuleExample.standardBody + "\n\nThe brief is [](https://example.com/brief).",
                 triggers: true, at: "outcomes/example.md:15:14"),
        .outcome(body: RuleExample.standardBody + "\n\nThe brief is [here](https://example.com/brief).", triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.livingParsedOutcomes.flatMap { outcome in
            outcome.links.filter { !$0.isImage && $0.text.allSatisfy(\.isWhitespace) }.map { link in
                diagnostic("link to `\(link.quotedDestination)` has no text", at: link.location,
                           hint: outcome.writesInHTML(link)
                               ? "write what the reader will find there: <a href=\"\(link.quotedDestination)\">what it is</a>"
                               : "write what the reader will find there: [what it is](\(link.quotedDestination))")
            }
        }
    }
}
