/// An image without alt text is invisible to people who cannot see it. As markdownlint's
/// MD045.
public enum ImageAlt: LedgerRule {
    public static let name = "image-alt"
    public static let defaultSeverity = Severity.warning
    public static let summary = "an image has no alt text"
    public static let rationale = "People who cannot see an image learn what it shows from its alt text."

    public static let examples: [RuleExample] = [
        .outcome(body: RuleExample.standardBody + "\n\n![](funnel.png)", triggers: true, at: "outcomes/example.md:15:1",
                 also: ["outcomes/funnel.png": "PNG"]),
        .outcome(body: RuleExample.standardBody + "\n\n<img src=\"funnel.png\" width=\"400\">", triggers: true,
                 at: "outcomes/example.md:15:1", also: ["outcomes/funnel.png": "PNG"]),
        .outcome(body: RuleExample.standardBody + "\n\n![Sign-up funnel, March](funnel.png)", triggers: false,
                 also: ["outcomes/funnel.png": "PNG"]),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.livingParsedOutcomes.flatMap { outcome in
            outcome.links.filter { $0.isImage && $0.text.allSatisfy(\.isWhitespace) }.map { image in
                diagnostic("image `\(image.quotedDestination)` has no alt text", at: image.location,
                           hint: outcome.writesInHTML(image)
                               ? "say what it shows: <img src=\"\(image.quotedDestination)\" alt=\"what the picture shows\">"
                               : "say what it shows: ![what the picture shows](\(image.quotedDestination))")
            }
        }
    }
}
