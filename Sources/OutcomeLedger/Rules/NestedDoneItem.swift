/// A task item indented under another one (often by a tab, which counts as four spaces)
/// is a detail of that item, not an item: it would vanish from the done list and its
/// progress without a word.
public enum NestedDoneItem: LedgerRule {
    public static let name = "nested-done-item"
    public static let defaultSeverity = Severity.warning
    public static let summary = "a task item in the done section is nested under another item, so it is not counted"
    public static let rationale = "Nothing an author writes as a done item should vanish from the done list and its progress without a word."

    public static let examples: [RuleExample] = [
        .outcome(body: "## Done when\n- [ ] 500 artists upload a track\n\t- [ ] 100 of them twice\n\n## How\nInvite artists.",
                 triggers: true, at: "outcomes/example.md:11:2"),
        .outcome(body: "## Done when\n- [ ] 500 artists upload a track\n  - invited in weekly batches\n\n## How\nInvite artists.",
                 triggers: false),
    ]

    public static func check(_ context: RuleContext) -> [Diagnostic] {
        context.livingParsedOutcomes.flatMap { outcome in
            (outcome.done?.nestedTasks ?? []).map { item in
                diagnostic("the done item `\(item.value)` is nested under the item above, so it is not counted", at: item.location,
                           hint: "start it at the beginning of the line (a tab indents it as a detail)")
            }
        }
    }
}
