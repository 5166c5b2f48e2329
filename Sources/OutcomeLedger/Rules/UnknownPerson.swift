/// With a roster, every handle must be on it: typos in handles are caught, and the site
/// can show full names.
public enum UnknownPerson: LedgerRule {
    public static let name = "unknown-person"
    public static let defaultSeverity = Severity.error
    public static let summary = "a handle isn't in `people.yml` (only when the ledger has one)"
    public static let rationale = "With a roster, every handle must be on it: typos in handles are caught, and the site can show full names."

    static let roster = "ana: {name: Ana Sousa}\nli: {name: Li Wei}\n"

    public static let examples: [RuleExample] = [
        .outcome("title: Grow artists\nowner: ana\npod: {ana: [builder, communicator], lee: operator}",
                 triggers: true, at: "outcomes/example.md:4:37", also: ["people.yml": roster]),
        .outcome(triggers: false, also: ["people.yml": roster]),
        .outcome("title: Grow artists\nowner: ana\npod: {ana: [builder, communicator], lee: operator}",
                 triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        guard let people = context.ledger.people else { return [] }
        let handles = people.map(\.handle.value)
        let known = Set(handles)
        return context.readableOutcomes.flatMap { outcome in
            outcome.handles.filter { !known.contains($0.value) }.map { handle in
                diagnostic("`\(handle.value)` is not in people.yml", at: handle.location,
                           hint: Suggestions.didYouMean(handle.value, in: handles)
                               ?? "add `\(handle.value): {name: …}` to people.yml")
            }
        }
    }
}
