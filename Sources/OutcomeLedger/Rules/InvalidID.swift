/// Ids become folder names and URLs, so they are lowercase slugs.
public enum InvalidID: LedgerRule {
    public static let name = "invalid-id"
    public static let defaultSeverity = Severity.error
    public static let summary = "an id (written, or taken from the file name) isn't a slug `[a-z0-9][a-z0-9-]*`"
    public static let rationale = "Ids become folder names and URLs, so they are lowercase slugs."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter + "\nid: Grow_Artists", triggers: true, at: "outcomes/example.md:8:5"),
        RuleExample(triggers: true, files: ["outcomes/Grow Artists.md": RuleExample.file()],
                    expectedLocation: "outcomes/Grow Artists.md:1:1"),
        .outcome(RuleExample.standardFrontMatter + "\nid: grow-artists-2027", triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.readableOutcomes.filter { !Identifiers.isSlug($0.id.value) }.map { outcome in
            let source = outcome.hasExplicitID ? "" : " (taken from the file name)"
            let suggestion = Identifiers.slug(from: outcome.id.value)
            return diagnostic("id `\(outcome.id.value)`\(source) is not a slug", at: outcome.id.location,
                              hint: suggestion.isEmpty ? Message.shape : fix(suggestion, explicit: outcome.hasExplicitID))
        }
    }

    /// How to give the outcome the slug: where the id was written, or — for one taken from
    /// the file name — in the front matter or by renaming the file.
    static func fix(_ slug: String, explicit: Bool) -> String {
        explicit ? "\(Message.shape): write `id: \(slug)`"
            : "\(Message.shape): add `id: \(slug)` to the front matter, or rename the file `\(slug).md`"
    }

    enum Message {
        static let shape = "ids use lowercase letters, digits and `-`, starting with a letter or digit"
    }
}
