/// `parent` and `depends_on` must name outcomes that exist in the ledger.
public enum UnresolvedReference: LedgerRule {
    public static let name = "unresolved-reference"
    public static let defaultSeverity = Severity.error
    public static let summary = "`parent` or a `depends_on` entry names no outcome"
    public static let rationale = "`parent` and `depends_on` must name outcomes that exist in the ledger."

    public static let examples: [RuleExample] = [
        .outcome(RuleExample.standardFrontMatter + "\nparent: music-ap", triggers: true, at: "outcomes/example.md:8:9",
                 also: ["outcomes/music-app.md": RuleExample.file()]),
        .outcome(RuleExample.standardFrontMatter + "\ndepends_on: [music-app, payouts]", triggers: true,
                 at: "outcomes/example.md:8:25", also: ["outcomes/music-app.md": RuleExample.file()]),
        .outcome(RuleExample.standardFrontMatter + "\nparent: music-app\ndepends_on: [music-app]", triggers: false,
                 also: ["outcomes/music-app.md": RuleExample.file()]),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        let ids = context.ledger.outcomes.map(\.id.value)
        var diagnostics: [Diagnostic] = []
        for outcome in context.readableOutcomes {
            let references = (outcome.parent.map { [("parent", $0)] } ?? []) + outcome.dependsOn.map { ("depends_on", $0) }
            for (key, reference) in references where context.ledger.indexByID[reference.value] == nil {
                diagnostics.append(diagnostic(
                    "`\(key)` names `\(reference.value)`, but no outcome has that id", at: reference.location,
                    hint: Self.hint(for: reference.value, ids: ids, index: context.ledger.indexByID)))
            }
        }
        return diagnostics
    }

    /// Ids are file names without `.md` and folders: `billing.md` and `money/billing`
    /// name `billing`.
    static func hint(for reference: String, ids: [String], index: [String: Int]) -> String? {
        var bare = reference
        if bare.lowercased().hasSuffix(".md") { bare = String(bare.dropLast(3)) }
        if let last = bare.split(separator: "/").last { bare = String(last) }
        if bare != reference, index[bare] != nil { return "ids are file names without `.md` and folders: write `\(bare)`" }
        return Suggestions.didYouMean(reference, in: ids)
    }
}
